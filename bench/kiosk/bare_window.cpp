// The floor under the kiosk's memory: a window with the app's kind of GL context (3.3 core, double
// buffered, no depth) that draws one triangle with one shader and then waits for input, as the
// app does at rest. What the GL driver and the window system take with nothing of the app in it;
// bench/kiosk/memory.sh runs it beside `atlas --kiosk` on the same screen.
//   atlas_bare_window [--fullscreen] [--size WxH]
#include <SDL.h>
#define GL_GLEXT_PROTOTYPES 1
#include <SDL_opengl.h>
#include <SDL_opengl_glext.h>

#include <cstdio>
#include <cstring>

namespace {
GLuint compile(GLenum kind, const char* text) {
    const GLuint s = glCreateShader(kind);
    glShaderSource(s, 1, &text, nullptr);
    glCompileShader(s);
    return s;
}
}  // namespace

int main(int argc, char** argv) {
    int width = 1280, height = 800;
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--fullscreen")) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        else if (!std::strcmp(argv[i], "--size") && i + 1 < argc && std::sscanf(argv[++i], "%dx%d", &width, &height) == 2) continue;
        else return std::fprintf(stderr, "usage: atlas_bare_window [--fullscreen] [--size WxH]\n"), 2;
    }
    if (SDL_Init(SDL_INIT_VIDEO) != 0) return std::fprintf(stderr, "atlas_bare_window: %s\n", SDL_GetError()), 1;
    // (As the app asks for it: platform_native.cpp's set_gl_attributes and sdl_window.cpp.)
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    SDL_Window* window = SDL_CreateWindow("bare window", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height, flags);
    SDL_GLContext gl = window ? SDL_GL_CreateContext(window) : nullptr;
    if (!gl) return std::fprintf(stderr, "atlas_bare_window: %s\n", SDL_GetError()), 1;

    const GLuint program = glCreateProgram();
    glAttachShader(program, compile(GL_VERTEX_SHADER, "#version 330 core\nconst vec2 p[3] = vec2[3](vec2(-1,-1), vec2(3,-1), vec2(-1,3));\n"
                                                      "void main() { gl_Position = vec4(p[gl_VertexID] * 0.5, 0, 1); }\n"));
    glAttachShader(program, compile(GL_FRAGMENT_SHADER, "#version 330 core\nout vec4 colour;\nvoid main() { colour = vec4(0.2, 0.4, 0.6, 1); }\n"));
    glLinkProgram(program);
    GLuint vao = 0;
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    for (bool running = true; running;) {
        int w = 0, h = 0;
        SDL_GL_GetDrawableSize(window, &w, &h);
        glViewport(0, 0, w, h);
        glClearColor(0.93f, 0.94f, 0.95f, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        glUseProgram(program);
        glDrawArrays(GL_TRIANGLES, 0, 3);
        SDL_GL_SwapWindow(window);
        SDL_Event e;  // at rest until something comes, as the app
        if (SDL_WaitEvent(&e) && e.type == SDL_QUIT) running = false;
    }
    SDL_GL_DeleteContext(gl);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}
