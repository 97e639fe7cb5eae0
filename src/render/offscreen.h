// A framebuffer of its own size to draw a picture that is not the screen (an exported image at 2x),
// read back as RGBA rows, top row first.
#pragma once
#include <vector>

#include "platform/gl.h"

namespace atlas::render {

// The framebuffer bound now, as RGBA rows, top row first, opaque.
std::vector<unsigned char> read_rgba(int w, int h);

class Offscreen {
public:
    // Binds a new framebuffer of w x h pixels; false if the GL cannot make one that size.
    bool begin(int w, int h);
    // Reads the picture, frees the framebuffer and binds the screen again.
    std::vector<unsigned char> finish();
    // Binds a framebuffer of w x h pixels (as begin, without asking the GL whether it is complete),
    // kept for the next frame of that size: a frame drawn off the screen at each step of a gesture;
    // `unbind` binds the screen again.
    bool bind(int w, int h);
    void unbind();
    void release();  // frees the framebuffer and binds the screen again
    ~Offscreen();

private:
    bool make(int w, int h, bool ask);
    GLuint fbo_ = 0, color_ = 0;
    int w_ = 0, h_ = 0;
};

}  // namespace atlas::render
