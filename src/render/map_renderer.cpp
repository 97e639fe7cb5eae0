#include "render/map_renderer.h"
#include "render/offscreen.h"

#include <algorithm>

#include "render/shader.h"

namespace atlas::render {

bool MapRenderer::init(const std::string& shader_dir, const DrawTexture& draw_texture, std::string& error) {
    ProgramBuild builds[] = {start_program(shader_dir, "basemap"), start_program(shader_dir, "marker"),
                             start_program(shader_dir, "link")};
    GLuint* programs[] = {&basemap_program_, &marker_program_, &link_program_};
    std::string first;
    for (int i = 0; i < 3; ++i) {
        std::string problem;
        *programs[i] = finish_program(builds[i], problem);  // (each: none is left half-made)
        if (first.empty()) first = problem;
    }
    if (!first.empty()) return error = first, false;
    // The layers' GL objects are not followed by a glGetError: in a browser it waits for the GPU
    // process (5-9 ms each at start-up). A GL error is logged by the app (App::log_gl_errors).
    world_.init(basemap_program_);
    markers_.init(marker_program_, MarkerLayer::Source::MainMap);
    inset_markers_.init(marker_program_, MarkerLayer::Source::MexicoInset);
    links_.init(link_program_);
    if (!basemap_picture_.init(draw_texture, kPictureMargin) || !inset_picture_.init(draw_texture, 0))
        return error = "no function draws the map's pictures", false;
    return true;
}

bool MapRenderer::set_world_basemap(const BasemapFile& world) {
    ++style_version_;  // the basemap's pictures are painted again
    return world_.load(world, &south_, kInsetBox, BasemapLayer::kStartUpSlice);
}

namespace {
void begin_drawing(int fb_w, int fb_h) {
    glViewport(0, 0, fb_w, fb_h);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    // Alpha as `over` composes it, as ImGui's backend does: drawn on an opaque background, a picture
    // stays opaque (those read back for the page's compositor are RGBA: render/offscreen.cpp).
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}
}  // namespace

void MapRenderer::prepare(const Atlas& atlas) {
    // A change of the links (new data, a filter, a selection) goes into the basemap's picture at
    // once. Links that change frame after frame (the timeline playing, a fade) are drawn over it
    // instead, and join it once they have stayed the same for a few frames.
    links_.prepare(atlas, atlas.camera_controller().current());
    if (links_.content() != links_content_) links_content_ = links_.content(), ++links_changes_in_a_row_, links_steady_frames_ = 0;
    else links_changes_in_a_row_ = 0, links_steady_frames_ = std::min(links_steady_frames_ + 1, kSteadyFrames);
    links_in_picture_ = links_changes_in_a_row_ == 1 || (links_changes_in_a_row_ == 0 && links_baked_ == links_content_) ||
                        links_steady_frames_ >= kSteadyFrames;
    if (links_in_picture_) links_baked_ = links_content_;
}

void MapRenderer::draw(const Atlas& atlas, int fb_w, int fb_h, bool exact, bool draft, bool half) {
    begin_drawing(fb_w, fb_h);
    // (Half: each pixel stands for two of the framebuffer's. `ratio` stays the framebuffer's: the
    // basemap's picture is kept for it.)
    if (half) {
        const glm::ivec2 d = draft_size({fb_w, fb_h});
        glViewport(0, 0, d.x, d.y);
    }
    const Camera& cam = atlas.camera_controller().current();
    const float ratio = float(fb_w) / float(cam.viewport.x);  // framebuffer pixels per logical pixel
    const auto content_of = [&](bool detailed) {
        const std::uint64_t basemap = std::uint64_t(style_version_) << 33 | std::uint64_t(detailed ? detail_version_ : 0) << 1 | detailed;
        return basemap ^ (links_in_picture_ ? links_content_ : 0);
    };
    bool detailed = cam.scale / cam.min_scale() >= kDetailZoom && detail_.ready();  // (web: once it came)
    // A draft to paint (a picture seen only scaled and blurred, in the middle of a zoom) is painted
    // from the coarse basemap, a ninth of the detailed one's triangles; the picture there already
    // serves if it shows the detailed one.
    if (detailed && draft && !basemap_picture_.shows(cam, ratio, content_of(true), exact)) detailed = false;
    const BasemapLayer& basemap = detailed ? detail_ : world_;
    const std::uint64_t content = content_of(detailed);
    const auto paint = [&](const Camera& c) {
        const Color& bg = style_.background;
        glClearColor(bg.r, bg.g, bg.b, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        basemap.draw(c, style_);
        if (links_in_picture_) links_.draw(c, style_);
    };
    // A draft drawn at half size whose basemap must be painted anew paints it directly: into the
    // picture, with its margin, and the picture then drawn, it was twice a software GL's work.
    if (half && !basemap_picture_.shows(cam, ratio, content, exact)) paint(cam), ++direct_drafts_;
    else basemap_picture_.draw(cam, ratio, {fb_w, fb_h}, content, exact, paint, draft);
    if (!links_in_picture_) links_.draw(cam, style_);
    markers_.draw(atlas, style_, cam, Atlas::marker_radius(cam.scale / cam.min_scale()));
}

void MapRenderer::warm_up(const std::function<void()>& screen, GLenum frame_format) {
    // Pipelines differ with the target's format: the basemap's picture is RGBA; the canvas has no
    // alpha (web), which the GL emulates on RGBA as it does for an RGB texture.
    // (Not Offscreen: it asks for the framebuffer's status, which waits for the GPU; and the
    // picture is drawn from a texture.)
    GLuint textures[2] = {}, framebuffers[2] = {};
    glGenTextures(2, textures);
    glGenFramebuffers(2, framebuffers);
    for (int i = 0; i < 2; ++i) {
        glBindTexture(GL_TEXTURE_2D, textures[i]);
        glTexStorage2D(GL_TEXTURE_2D, 1, i == 0 ? GL_RGBA8 : frame_format, 1, 1);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffers[i]);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, textures[i], 0);
    }
    begin_drawing(1, 1);
    Camera pixel;
    pixel.viewport = {1, 1};
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffers[0]);  // as the basemap's picture is painted
    world_.draw(pixel, style_, 3);
    links_.warm_up();
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffers[1]);  // as a frame is drawn
    basemap_picture_.warm_up(textures[0]);
    markers_.warm_up();
    if (screen) screen();
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(2, framebuffers);
    glDeleteTextures(2, textures);
    // The GPU process starts on them now: a fence is what makes it submit (a flush alone may wait
    // for the next frame's work).
    glDeleteSync(glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0));
    glFlush();
}

// The detailed basemap and every Mexican city, in the inset's own viewport.
void MapRenderer::draw_inset(const Atlas& atlas, int fb_w, int fb_h) {
    const Atlas::Inset& in = atlas.inset();
    if (!in.shown) return;
    begin_drawing(fb_w, fb_h);
    const float ratio = float(fb_w) / float(atlas.camera_controller().current().viewport.x);
    const GLint x = GLint(in.rect.x * ratio), y = GLint(float(fb_h) - (in.rect.y + in.rect.h) * ratio);
    const GLsizei w = GLsizei(in.rect.w * ratio), h = GLsizei(in.rect.h * ratio);
    glEnable(GL_SCISSOR_TEST);
    glScissor(x, y, w, h);
    glViewport(x, y, w, h);
    const bool detailed = detail_.ready();
    const std::uint64_t content = std::uint64_t(style_version_) << 32 | std::uint64_t(detailed ? detail_version_ : 0);
    inset_picture_.draw(in.camera, ratio, {fb_w, fb_h}, content, true, [&](const Camera& c) {
        glClearColor(style_.ocean.r, style_.ocean.g, style_.ocean.b, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        (detailed ? detail_ : world_).draw(c, style_, BasemapLayer::kAll, true);
    });
    inset_markers_.draw(atlas, style_, in.camera, float(Atlas::kInsetMarkerPx));
    glDisable(GL_SCISSOR_TEST);
    glViewport(0, 0, fb_w, fb_h);
}

bool MapRenderer::set_detail_basemap(const BasemapFile& detail) {
    detail_.release();
    ++detail_version_;  // the pictures that show it are painted again
    detail_.init(basemap_program_);
    return detail_.load(detail, &south_, kInsetBox, BasemapLayer::kAtRestSlice);
}

void MapRenderer::shade_countries(const CountryGroup* global_south) {
    static const std::vector<std::string> none;
    const std::vector<std::string>& countries = global_south ? global_south->countries : none;
    if (countries == south_.countries) return;
    south_.countries = countries;
    world_.shade(&south_), detail_.shade(&south_);
    ++style_version_;  // the basemap's pictures are painted again
}

std::vector<unsigned char> MapRenderer::read_pixels(int w, int h) const { return read_rgba(w, h); }

void MapRenderer::release() {
    world_.release();
    detail_.release();
    markers_.release();
    inset_markers_.release();
    links_.release();
    basemap_picture_.release();
    inset_picture_.release();
    if (basemap_program_) glDeleteProgram(basemap_program_);
    for (GLuint p : {marker_program_, link_program_})
        if (p) glDeleteProgram(p);
    basemap_program_ = marker_program_ = link_program_ = 0;
}

}  // namespace atlas::render
