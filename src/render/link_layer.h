// Draws the links the atlas shows now (Atlas::drawn_links) as styled great-circle arcs with a
// light halo, so that they read over the basemap on a shared screen; dense data as bundles between
// the markers drawn. Rebuilt on revision change, when the zoom changes by half, and (bundles) when
// the clusters change.
#pragma once
#include <cstdint>
#include <vector>

#include "core/atlas.h"
#include "core/hash.h"
#include "platform/gl.h"
#include "render/instanced_quad.h"
#include "render/map_style.h"

namespace atlas::render {

class LinkLayer {
public:
    void init(GLuint program);
    // Builds the segments again when the atlas's revision or the zoom (by half) changed.
    void prepare(const Atlas& atlas, const Camera& camera);
    std::uint64_t content() const { return content_; }  // changes when what is drawn changes
    void draw(const Camera& camera, const MapStyle& style) const;
    void warm_up() { glUseProgram(program_), quad_.warm_up(); }  // see MapRenderer::warm_up
    void release();

private:
    struct Line;
    void rebuild(const Atlas& atlas, double scale);
    // Dense data (Atlas::links_bundled): one curve per pair of markers and network.
    template <class Style>
    void add_bundles(const Atlas& atlas, double scale, Style style, std::vector<Line>& lines, Fnv1a& content);
    // A software renderer pays for each segment (about 2 µs for its two triangles, twice with the
    // halo): at world zooms the arcs' 1.5-degree points are 4 pixels apart, so most are skipped.
    static constexpr double kMinSegmentPx = 16;
    // Dense data zoomed in has tens of thousands of marker pairs, each a line across the screen (at
    // 100,000 cities, 1-2 s a frame in software GL): only the largest bundles are drawn (the
    // highlighted network's first), as many as the single links drawn before bundling starts.
    static constexpr std::size_t kMaxBundles = Atlas::kBundleLinksAbove;
    double built_scale_ = 1;  // the camera's scale the segments were chosen for
    std::uint64_t content_ = 0;
    GLuint program_ = 0;
    InstancedQuad quad_;
    GLint u_center_ = -1, u_scale_ = -1, u_viewport_ = -1, u_world_to_px_ = -1, u_halo_ = -1, u_halo_color_ = -1;
    unsigned revision_ = 0, clusters_generation_ = 0;
    bool bundled_ = false;
};

}  // namespace atlas::render
