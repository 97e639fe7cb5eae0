// Renders the map (basemap + markers) for an Atlas; the GL side of the app.
#pragma once
#include <string>
#include <vector>

#include "core/atlas.h"
#include "core/basemap.h"
#include "render/basemap_layer.h"
#include "render/link_layer.h"
#include "render/map_style.h"
#include "render/marker_layer.h"

namespace atlas::render {

class MapRenderer {
public:
    // `world` is drawn at world zooms, `detail` once zoomed in past kDetailZoom, `mexico` (the
    // detailed countries around Mexico only) in the inset.
    bool init(const std::string& shader_dir, const BasemapMesh& world, const BasemapMesh& detail,
              const BasemapMesh& mexico, std::string& error);
    static constexpr double kDetailZoom = 2.5;
    // framebuffer: pixels; the camera's viewport is in logical pixels (they differ on high-DPI screens).
    void draw(const Atlas& atlas, int framebuffer_width, int framebuffer_height);
    // Reads the framebuffer back, top row first, RGBA.
    std::vector<unsigned char> read_pixels(int width, int height) const;
    const MapStyle& style() const { return style_; }
    void set_style(const MapStyle& style) { style_ = style; }
    void release();

private:
    MapStyle style_;
    GLuint basemap_program_ = 0, marker_program_ = 0, link_program_ = 0;
    BasemapLayer world_, detail_, mexico_;
    MarkerLayer markers_, inset_markers_;
    LinkLayer links_;
};

}  // namespace atlas::render
