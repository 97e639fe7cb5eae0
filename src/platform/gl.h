// The OpenGL entry points: GL ES 3.0 (WebGL2) on the web, GL 3.3 core on native, same subset used.
#pragma once
#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES 1
#include <SDL_opengl.h>
#include <SDL_opengl_glext.h>
#endif
