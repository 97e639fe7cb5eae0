#include "render/offscreen.h"

#include <algorithm>

namespace atlas::render {

// A framebuffer of w x h RGBA pixels, bound (nothing is drawn with depth or stencil). RGBA, not RGB
// even for opaque pictures: a software GL stores RGB as RGBA, and reading it back then sets each
// alpha on the way (with SwiftShader about 50 ns a pixel against 3 for RGBA: 60 ms of a drag's start).
// What is drawn keeps the alpha of an opaque background (render/map_renderer.cpp, ImGui).
bool Offscreen::begin(int w, int h) { return make(w, h, true); }

// `ask`: whether to ask the GL for the framebuffer's status. The answer waits for the GPU to finish
// all it was given (27-53 ms at a drag's start with a software GL on a slow machine); an RGBA8
// renderbuffer no larger than GL_MAX_RENDERBUFFER_SIZE is complete by the specification, so a
// gesture's frames, drawn at every step, do not ask.
bool Offscreen::make(int w, int h, bool ask) {
    release();
    GLint max_size = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
    if (w < 1 || h < 1 || w > max_size || h > max_size) return false;
    w_ = w, h_ = h;
    glGenFramebuffers(1, &fbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glGenRenderbuffers(1, &color_);
    glBindRenderbuffer(GL_RENDERBUFFER, color_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_);
    if (ask && glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        release();
        return false;
    }
    return true;
}

bool Offscreen::bind(int w, int h) {
    if (!fbo_ || w != w_ || h != h_) return make(w, h, false);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    return true;
}

void Offscreen::unbind() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

std::vector<unsigned char> read_rgba(int w, int h) {
    std::vector<unsigned char> rgba(std::size_t(w) * std::size_t(h) * 4), flipped(rgba.size());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    const std::size_t row = std::size_t(w) * 4;
    for (int y = 0; y < h; ++y)
        std::copy_n(rgba.data() + std::size_t(h - 1 - y) * row, row, flipped.data() + std::size_t(y) * row);
    for (std::size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;  // an opaque picture
    return flipped;
}

std::vector<unsigned char> Offscreen::finish() {
    std::vector<unsigned char> out = read_rgba(w_, h_);
    release();
    return out;
}

void Offscreen::release() {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (color_) glDeleteRenderbuffers(1, &color_);
    if (fbo_) glDeleteFramebuffers(1, &fbo_);
    fbo_ = color_ = 0;
}

Offscreen::~Offscreen() { release(); }

}  // namespace atlas::render
