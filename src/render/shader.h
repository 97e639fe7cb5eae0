// GLSL programs loaded from the shaders folder of the assets, with the platform's #version line.
#pragma once
#include <string>

#include "platform/gl.h"

namespace atlas::render {

// Compiles and links `name`.vert + `name`.frag; 0 and a message (with the GL log) on failure.
GLuint load_program(const std::string& shader_dir, const std::string& name, std::string& error);

}  // namespace atlas::render
