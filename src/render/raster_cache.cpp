#include "render/raster_cache.h"

#include <algorithm>
#include <cmath>

#include <glm/vector_relational.hpp>

namespace atlas::render {
namespace {
constexpr double kMaxScaleChange = 2;  // a picture shown larger than this blurs: paint again
}

bool RasterCache::init(DrawTexture draw_texture, double margin) {
    draw_texture_ = std::move(draw_texture);
    margin_ = margin;
    painted_ratio_ = 0;
    return bool(draw_texture_);
}

bool RasterCache::shows(const Camera& cam, double ratio, std::uint64_t content, bool exact) const {
    if (!painted_ratio_ || content != content_ || ratio != painted_ratio_) return false;
    const glm::dvec2 view = cam.viewport / (2 * cam.scale), picture = painted_.viewport / (2 * painted_.scale);
    const glm::dvec2 off = glm::abs(cam.center - painted_.center);
    const bool covers = off.x + view.x <= picture.x && off.y + view.y <= picture.y;
    if (exact) {
        // Painted in full at this scale, and where the camera stands or whole pixels away from it
        // (a pan): the picture, moved, is then pixel for pixel the direct drawing. A pan ending
        // within the margin paints nothing again (2.3 times the screen's pixels with a software GL).
        if (resolution_ != 1 || cam.scale != painted_.scale || cam.viewport + 2 * margin_ != painted_.viewport) return false;
        const glm::dvec2 shift = (cam.center - painted_.center) * cam.scale * ratio;  // framebuffer pixels
        return covers && glm::all(glm::lessThan(glm::abs(shift - glm::round(shift)), glm::dvec2(1e-6)));
    }
    const double change = cam.scale / painted_.scale;
    return change <= kMaxScaleChange && change >= 1 / kMaxScaleChange && covers;
}

bool RasterCache::repaint(const Camera& cam, double ratio, double resolution, const Paint& paint) {
    Camera c = cam;
    c.viewport = cam.viewport + 2 * margin_;
    // The texture holds the picture at full resolution; a draft is painted into a quarter of it, so
    // that going from one to the other makes no new texture (and asks the GL nothing that waits).
    const int full_w = int(std::lround(c.viewport.x * ratio)), full_h = int(std::lround(c.viewport.y * ratio));
    const int w = std::max(1, int(std::lround(full_w * resolution))), h = std::max(1, int(std::lround(full_h * resolution)));
    GLint screen = 0, viewport[4] = {};
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &screen);  // the screen, or an export's framebuffer
    glGetIntegerv(GL_VIEWPORT, viewport);
    if (full_w != width_ || full_h != height_) {
        GLint max_size = 0;
        glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
        if (full_w < 1 || full_h < 1 || full_w > max_size || full_h > max_size) return false;
        if (!texture_) glGenTextures(1, &texture_), filter_ = 0;
        glBindTexture(GL_TEXTURE_2D, texture_);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, full_w, full_h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        if (!fbo_) glGenFramebuffers(1, &fbo_);
        glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
        // Not asked whether the framebuffer is complete: the answer waits for the GPU to finish all
        // it was given, and the first frame's came while the pipelines compiled (40-77 ms of the
        // main thread before map-ready, slow machine). One RGBA8 texture within GL_MAX_TEXTURE_SIZE
        // is complete by the specification (as Offscreen::bind's renderbuffer).
        width_ = full_w, height_ = full_h;
    }
    const bool scissor = glIsEnabled(GL_SCISSOR_TEST);  // (the inset clips the screen, not the picture)
    glDisable(GL_SCISSOR_TEST);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glViewport(0, 0, w, h);
    paint(c);
    glBindFramebuffer(GL_FRAMEBUFFER, GLuint(screen));
    glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
    if (scissor) glEnable(GL_SCISSOR_TEST);
    painted_ = c;
    painted_ratio_ = ratio;
    resolution_ = resolution;
    painted_part_ = {double(w) / width_, double(h) / height_};
    ++paints_;
    if (resolution < 1) ++drafts_;
    return true;
}

void RasterCache::draw(const Camera& cam, double ratio, glm::ivec2 framebuffer, std::uint64_t content, bool exact, const Paint& paint,
                       bool draft) {
    if (!shows(cam, ratio, content, exact)) {
        if (!repaint(cam, ratio, draft && !exact ? 0.5 : 1.0, paint)) {  // no texture that large: draw directly
            painted_ratio_ = 0;
            paint(cam);
            drew_exact_ = true;
            return;
        }
        content_ = content;
    }
    drew_exact_ = exact || shows(cam, ratio, content, true);
    // Where the picture's corners fall in the viewport's framebuffer pixels.
    GLint viewport[4] = {};
    glGetIntegerv(GL_VIEWPORT, viewport);
    const glm::dvec2 half = painted_.viewport / (2 * painted_.scale);
    const glm::dvec2 to_px = cam.scale * glm::dvec2(viewport[2], viewport[3]) / cam.viewport;
    const glm::dvec2 origin = glm::dvec2(viewport[0], viewport[1]) + glm::dvec2(viewport[2], viewport[3]) / 2.0;
    const glm::dvec2 lo = origin + (painted_.center - half - cam.center) * to_px;
    const glm::dvec2 hi = origin + (painted_.center + half - cam.center) * to_px;
    const bool same_scale = cam.scale == painted_.scale && resolution_ == 1;
    glBindTexture(GL_TEXTURE_2D, texture_);
    // One texel per pixel while panning: nearest keeps it sharp; a zoom in motion (or a draft) scales it smoothly.
    const GLint filter = same_scale ? GL_NEAREST : GL_LINEAR;
    if (filter != filter_) {  // (set on change only: this runs at every frame)
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
        filter_ = filter;
    }
    draw_texture_({.texture = texture_, .rect = glm::vec4(lo.x, lo.y, hi.x, hi.y), .uv_max = glm::vec2(painted_part_),
                   .clip = {viewport[0], viewport[1], viewport[2], viewport[3]}, .framebuffer = framebuffer, .opaque = true});
}

void RasterCache::warm_up(GLuint texture) const { draw_texture_(TexturedRect::pixel(texture, true)); }

void RasterCache::release() {
    if (fbo_) glDeleteFramebuffers(1, &fbo_);
    if (texture_) glDeleteTextures(1, &texture_);
    fbo_ = texture_ = 0;
    width_ = height_ = filter_ = 0;
    painted_ratio_ = 0;
}

}  // namespace atlas::render
