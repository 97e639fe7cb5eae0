// Draws the links the atlas shows now (Atlas::drawn_links) as styled great-circle arcs with a
// light halo, so that they read over the basemap on a shared screen. Rebuilt on revision change,
// and when the zoom changes by half.
#pragma once
#include "core/atlas.h"
#include "platform/gl.h"
#include "render/instanced_quad.h"
#include "render/map_style.h"

namespace atlas::render {

class LinkLayer {
public:
    bool init(GLuint program);
    void draw(const Atlas& atlas, const MapStyle& style);
    void release();

private:
    void rebuild(const Atlas& atlas, double scale);
    // A software renderer pays for each segment (about 2 µs for its two triangles, twice with the
    // halo): at world zooms the arcs' 1.5-degree points are 4 pixels apart, so most are skipped.
    static constexpr double kMinSegmentPx = 16;
    double built_scale_ = 1;  // the camera's scale the segments were chosen for
    GLuint program_ = 0;
    InstancedQuad quad_;
    GLint u_center_ = -1, u_scale_ = -1, u_viewport_ = -1, u_world_to_px_ = -1, u_halo_ = -1, u_halo_color_ = -1;
    unsigned revision_ = 0;
};

}  // namespace atlas::render
