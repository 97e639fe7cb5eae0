#include "render/shader.h"

#include <vector>

#include "core/json_io.h"
#include "platform/platform.h"

namespace atlas::render {
namespace {
GLuint compile(GLenum type, const std::string& path, std::string& error) {
    std::string source;
    if (!read_file(path, source, error, 1 << 20)) {
        error = path + ": " + error;
        return 0;
    }
    const std::string full = platform::glsl_version_header() + source;
    const char* text = full.c_str();
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &text, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        std::vector<char> log(4096);
        glGetShaderInfoLog(s, GLsizei(log.size()), nullptr, log.data());
        error = path + ": " + log.data();
        glDeleteShader(s);
        return 0;
    }
    return s;
}
}  // namespace

GLuint load_program(const std::string& dir, const std::string& name, std::string& error) {
    GLuint vs = compile(GL_VERTEX_SHADER, dir + "/" + name + ".vert", error);
    if (!vs) return 0;
    GLuint fs = compile(GL_FRAGMENT_SHADER, dir + "/" + name + ".frag", error);
    if (!fs) {
        glDeleteShader(vs);
        return 0;
    }
    GLuint p = glCreateProgram();
    glAttachShader(p, vs);
    glAttachShader(p, fs);
    glLinkProgram(p);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    if (!ok) {
        std::vector<char> log(4096);
        glGetProgramInfoLog(p, GLsizei(log.size()), nullptr, log.data());
        error = name + ": " + log.data();
        glDeleteProgram(p);
        return 0;
    }
    return p;
}

}  // namespace atlas::render
