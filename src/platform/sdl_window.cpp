// SDL2 window and GL context, shared by both platforms; the GL version comes from the platform.
#include "platform/platform.h"

namespace atlas::platform {

void set_gl_attributes(bool robust);  // per platform

// A GL context for the window, robust when the driver offers it (see gl_context_lost).
bool create_gl_context(Window& w, std::string& error) {
    set_gl_attributes(true);
    w.gl = SDL_GL_CreateContext(w.sdl);
    if (!w.gl) {
        set_gl_attributes(false);
        w.gl = SDL_GL_CreateContext(w.sdl);
    }
    if (!w.gl) {
        error = std::string("cannot create an OpenGL context: ") + SDL_GetError();
        return false;
    }
    SDL_GL_MakeCurrent(w.sdl, w.gl);
    SDL_GL_SetSwapInterval(1);
    return true;
}

bool create_window(const Options& o, Window& w, std::string& error) {
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (o.kiosk) SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");  // SIGTERM is the kiosk's own (watch_for_terminate)
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        error = std::string("cannot start SDL: ") + SDL_GetError();
        return false;
    }
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (o.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    if (o.kiosk) flags |= SDL_WINDOW_BORDERLESS;
    if (o.hidden) flags |= SDL_WINDOW_HIDDEN;
    int display = o.display;
    if (display >= SDL_GetNumVideoDisplays()) {
        log_line("display: there is no screen " + std::to_string(display) + " (" + std::to_string(SDL_GetNumVideoDisplays()) +
                 " found); the first one is used");
        display = 0;
    }
    w.sdl = SDL_CreateWindow("Atlas Sur — cultural cooperation of Mexico and the Global South",
                             int(SDL_WINDOWPOS_CENTERED_DISPLAY(display)), int(SDL_WINDOWPOS_CENTERED_DISPLAY(display)),
                             o.width, o.height, flags);
    if (!w.sdl) {
        error = std::string("cannot open a window: ") + SDL_GetError();
        return false;
    }
    return create_gl_context(w, error);
}

void destroy_window(Window& w) {
    if (w.gl) SDL_GL_DeleteContext(w.gl);
    if (w.sdl) SDL_DestroyWindow(w.sdl);
    w = {};
    SDL_Quit();
}

}  // namespace atlas::platform
