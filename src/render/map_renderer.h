// Renders the map (basemap + markers) for an Atlas; the GL side of the app.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/atlas.h"
#include "core/basemap.h"
#include "render/basemap_layer.h"
#include "render/link_layer.h"
#include "render/map_style.h"
#include "render/marker_layer.h"
#include "render/raster_cache.h"

namespace atlas::render {

class MapRenderer {
public:
    // The programs and the layers, with no country yet: the map's GL side is made before any
    // data is read, and its pipelines warmed up (warm_up) before the first mesh is made, so that a
    // software GL compiles them meanwhile. `draw_texture`: how the basemaps' pictures are drawn
    // (through the panels' pipeline: raster_cache.h).
    bool init(const std::string& shader_dir, const DrawTexture& draw_texture, std::string& error);
    // The coarse basemap's countries, drawn at world zooms (the detailed ones are set apart: they
    // may come later), shaded with the Global South last given (shade_countries): at start-up none
    // yet.
    bool set_world_basemap(const BasemapFile& world);
    // The countries of the Global South (the data names them), shaded as such in both basemaps now
    // and in those made later (also while the GL is lost). The same countries as before: nothing
    // to do.
    void shade_countries(const CountryGroup* global_south);
    static constexpr double kDetailZoom = 2.5;
    static constexpr double kPictureMargin = 256;  // logical pixels of basemap painted beyond each edge
    // framebuffer: pixels; the camera's viewport is in logical pixels (they differ on high-DPI screens).
    // `exact`: the camera rests (or a picture is taken), so the basemap is painted where it stands;
    // otherwise its picture may be shifted and scaled (see raster_cache.h). `draft`: the frame is
    // seen only scaled, in the middle of a zoom (a picture the web's compositor moves): the
    // basemap, if it must be painted, is painted with half the pixels (a quarter of the time);
    // `half`: it is drawn at half the width and height, into the framebuffer's lower left corner
    // (draft_size). `prepare` comes first, once for each frame however often it is drawn.
    void prepare(const Atlas& atlas);
    void draw(const Atlas& atlas, int framebuffer_width, int framebuffer_height, bool exact, bool draft = false, bool half = false);
    static glm::ivec2 draft_size(glm::ivec2 framebuffer) { return (framebuffer + 1) / 2; }
    // A software GL (SwiftShader in browsers without a GPU, llvmpipe on kiosks) compiles a
    // program's pipeline for each new state at its first draw: 25 to 100 ms each, more than the
    // first frame's drawing. This draws each pipeline of the first frame once into a pixel
    // (`screen`: the panels', into the screen's stand-in), so that the GPU process compiles them
    // meanwhile: at start-up, before the data is read (App::start_gl). `frame_format`: what frames
    // are drawn into, the screen (GL_RGB8: the web's canvas has no alpha) or, once the map rests
    // after its first frame, the off-screen RGBA8 target of a gesture's pictures (App::warm_pictures).
    void warm_up(const std::function<void()>& screen, GLenum frame_format = GL_RGB8);
    // The inset of Mexico, over the map and what is drawn on it (its names are the app's to draw).
    void draw_inset(const Atlas& atlas, int framebuffer_width, int framebuffer_height);
    // Reads the framebuffer back, top row first, RGBA.
    std::vector<unsigned char> read_pixels(int width, int height) const;
    const MapStyle& style() const { return style_; }
    void set_style(const MapStyle& style) {
        style_ = style;
        ++style_version_;  // the basemap's pictures are painted again
    }
    // The detailed basemap, past kDetailZoom and in the inset (until it is set, the coarse one is
    // drawn there).
    bool set_detail_basemap(const BasemapFile& detail);
    // What the inset of Mexico can show: the parts of countries that reach into it come first in
    // the basemaps' meshes, and the inset draws them alone (one mesh for both: the inset's own was
    // triangulated again, Mexico's 6,115 points at 1:10m twice, when the detailed basemap came).
    static constexpr LonLatBox kInsetBox{{-125, 8}, {-80, 36}};
    int basemap_paints() const { return basemap_picture_.paints() + direct_drafts_; }
    int basemap_drafts() const { return basemap_picture_.drafts() + direct_drafts_; }
    // Changes with the basemaps and the style.
    unsigned version() const { return style_version_ + detail_version_; }
    // Whether the last frame drawn was the exact drawing, though not asked to be (the camera had just
    // stopped and the basemap's picture had to be painted again anyway).
    bool drew_exact() const { return basemap_picture_.drew_exact(); }
    // Whether the links are in the basemap's picture yet (frames should go on until they are).
    bool settled() const { return links_in_picture_; }
    void release();

private:
    MapStyle style_;
    unsigned style_version_ = 0;
    // A new basemap paints again only the pictures that show it (the detailed one arriving while
    // the map is zoomed out changes the inset alone).
    unsigned detail_version_ = 0;
    GLuint basemap_program_ = 0, marker_program_ = 0, link_program_ = 0;
    RasterCache basemap_picture_, inset_picture_;  // the basemaps' pictures (see raster_cache.h)
    std::uint64_t links_content_ = 0, links_baked_ = 0;  // the links drawn now, and those in the picture
    int links_steady_frames_ = 0, links_changes_in_a_row_ = 0;
    int direct_drafts_ = 0;  // drafts whose basemap was painted directly, not into its picture
    bool links_in_picture_ = false;
    static constexpr int kSteadyFrames = 2;
    BasemapLayer world_, detail_;
    CountryGroup south_;  // the Global South the basemaps are shaded with (its countries only)
    MarkerLayer markers_, inset_markers_;
    LinkLayer links_;
};

}  // namespace atlas::render
