#include "render/map_renderer.h"
#include "render/offscreen.h"

#include <algorithm>

#include "render/shader.h"

namespace atlas::render {

bool MapRenderer::init(const std::string& shader_dir, const BasemapMesh& world, const BasemapMesh& detail,
                       const BasemapMesh& mexico, std::string& error) {
    basemap_program_ = load_program(shader_dir, "basemap", error);
    if (!basemap_program_) return false;
    marker_program_ = load_program(shader_dir, "marker", error);
    if (!marker_program_) return false;
    link_program_ = load_program(shader_dir, "link", error);
    if (!link_program_) return false;
    if (!world_.init(basemap_program_, world) || !detail_.init(basemap_program_, detail) ||
        !mexico_.init(basemap_program_, mexico) ||
        !markers_.init(marker_program_, MarkerLayer::Source::MainMap) ||
        !inset_markers_.init(marker_program_, MarkerLayer::Source::MexicoInset) || !links_.init(link_program_)) {
        error = "cannot create the map's GL buffers";
        return false;
    }
    return true;
}

void MapRenderer::draw(const Atlas& atlas, int fb_w, int fb_h) {
    glViewport(0, 0, fb_w, fb_h);
    const Color& bg = style_.background;
    glClearColor(bg.r, bg.g, bg.b, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    const Camera& cam = atlas.camera_controller().current();
    (cam.scale / cam.min_scale() < kDetailZoom ? world_ : detail_).draw(cam, style_);
    links_.draw(atlas, style_);
    markers_.draw(atlas, style_, cam, Atlas::marker_radius(cam.scale / cam.min_scale()));

    // The inset of Mexico: the detailed basemap and every Mexican city, in its own viewport.
    const Atlas::Inset& in = atlas.inset();
    if (!in.shown) return;
    const float ratio = float(fb_w) / float(cam.viewport.x);  // framebuffer pixels per logical pixel
    const GLint x = GLint(in.rect.x * ratio), y = GLint(float(fb_h) - (in.rect.y + in.rect.h) * ratio);
    const GLsizei w = GLsizei(in.rect.w * ratio), h = GLsizei(in.rect.h * ratio);
    glEnable(GL_SCISSOR_TEST);
    glScissor(x, y, w, h);
    glViewport(x, y, w, h);
    glClearColor(style_.ocean.r, style_.ocean.g, style_.ocean.b, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    mexico_.draw(in.camera, style_);
    inset_markers_.draw(atlas, style_, in.camera, 5.5f);
    glDisable(GL_SCISSOR_TEST);
    glViewport(0, 0, fb_w, fb_h);
}

std::vector<unsigned char> MapRenderer::read_pixels(int w, int h) const { return read_rgba(w, h); }

void MapRenderer::release() {
    world_.release();
    detail_.release();
    mexico_.release();
    markers_.release();
    inset_markers_.release();
    links_.release();
    if (basemap_program_) glDeleteProgram(basemap_program_);
    for (GLuint p : {marker_program_, link_program_})
        if (p) glDeleteProgram(p);
    basemap_program_ = marker_program_ = link_program_ = 0;
}

}  // namespace atlas::render
