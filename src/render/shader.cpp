#include "render/shader.h"

#include <vector>

#include "core/json_io.h"
#include "platform/platform.h"

namespace atlas::render {
namespace {
GLuint start_shader(GLenum type, const std::string& path, std::string& error) {
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
    return s;
}

// The log of a shader that did not compile ("" when it did).
std::string compile_log(GLuint shader) {
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok) return {};
    std::vector<char> log(4096);
    glGetShaderInfoLog(shader, GLsizei(log.size()), nullptr, log.data());
    return log.data()[0] ? log.data() : "does not compile";
}
}  // namespace

ProgramBuild start_program(const std::string& dir, const std::string& name) {
    ProgramBuild b;
    b.name = dir + "/" + name;
    b.vertex = start_shader(GL_VERTEX_SHADER, b.name + ".vert", b.error);
    if (b.vertex) b.fragment = start_shader(GL_FRAGMENT_SHADER, b.name + ".frag", b.error);
    if (!b.vertex || !b.fragment) return b;
    b.program = glCreateProgram();
    glAttachShader(b.program, b.vertex);
    glAttachShader(b.program, b.fragment);
    glLinkProgram(b.program);
    return b;
}

GLuint finish_program(ProgramBuild& b, std::string& error) {
    GLint linked = 0;
    if (b.program) glGetProgramiv(b.program, GL_LINK_STATUS, &linked);
    if (b.program && !linked) {
        // Which file, when a shader did not compile; else the linker's complaint.
        if (std::string log = compile_log(b.vertex); !log.empty()) b.error = b.name + ".vert: " + log;
        else if (log = compile_log(b.fragment); !log.empty()) b.error = b.name + ".frag: " + log;
        else {
            std::vector<char> text(4096);
            glGetProgramInfoLog(b.program, GLsizei(text.size()), nullptr, text.data());
            b.error = b.name + ": " + text.data();
        }
    }
    if (b.vertex) glDeleteShader(b.vertex);
    if (b.fragment) glDeleteShader(b.fragment);
    b.vertex = b.fragment = 0;
    if (!b.error.empty()) {
        if (b.program) glDeleteProgram(b.program);
        error = b.error;
        return b.program = 0;
    }
    return b.program;
}

}  // namespace atlas::render
