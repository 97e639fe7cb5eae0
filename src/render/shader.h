// GLSL programs loaded from the shaders folder of the assets, with the platform's #version line.
#pragma once
#include <string>

#include "platform/gl.h"

namespace atlas::render {

// A program asked of the GL and not yet checked. Compiling happens in the GL's own time (on the
// web in another process, where each status query waits for it): programs are all started first
// and checked after, so one wait covers them all and the caller's work in between overlaps it.
struct ProgramBuild {
    std::string name;  // the shaders' path without .vert or .frag
    GLuint program = 0, vertex = 0, fragment = 0;
    std::string error;  // a shader file that could not be read
};

// Reads `name`.vert and `name`.frag, and starts compiling and linking them.
ProgramBuild start_program(const std::string& shader_dir, const std::string& name);
// The linked program; 0 and a message naming the file, with the GL's log, on failure.
GLuint finish_program(ProgramBuild& build, std::string& error);

}  // namespace atlas::render
