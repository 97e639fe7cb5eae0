// Draws the basemap: ocean inside the map's outline, graticule, countries, borders. The countries
// (from a basemap file) become a mesh on the GL only, made a country at a time.
#pragma once
#include <string>
#include <vector>

#include "core/basemap.h"
#include "core/camera.h"
#include "platform/gl.h"
#include "render/map_style.h"

namespace atlas::render {

class BasemapLayer {
public:
    // Its buffers, with the map's frame in them (the ocean within the map's outline, the
    // graticule): drawn from then on, before any country is made.
    void init(GLuint program);
    // The countries, made into the mesh (again, if it had some). The parts of countries that reach
    // into `leading` come first in it, so that a view of that box (the inset of Mexico) draws them
    // alone (draw's `leading_only`). `global_south`: the countries shaded as the Global South.
    // False if the file's countries made another mesh than they had measured.
    // `slice_bytes`: what goes to the GL at a time as the mesh is made (kStartUpSlice or
    // kAtRestSlice, below).
    bool load(const BasemapFile& countries, const CountryGroup* global_south, const LonLatBox& leading,
              std::size_t slice_bytes);
    // The mesh goes to the GL a slice at a time (never held whole: the web's memory keeps its
    // highest level for good). Each slice is a command and a copy for a browser's GPU process, and
    // at start-up the page waits for them: the coarse basemap goes in slices of 64 KB (in 16 KB
    // ones, the page made 75 calls before map-ready rather than 56). The detailed one is made at
    // rest, and its mesh is the web's memory peak: in slices of 16 KB, the WebAssembly memory after
    // it was 3.54 MB, against 3.80 MB in slices of 64 KB (400 cities; 8 KB ones gave 3.54 too).
    static constexpr std::size_t kStartUpSlice = 65536, kAtRestSlice = 16384;
    // Shades the countries again, for another group of the Global South (Mexico stays Mexico).
    void shade(const CountryGroup* global_south);
    // `most`: vertices drawn at most by each of its draws (MapRenderer::warm_up).
    static constexpr GLsizei kAll = 1 << 30;
    void draw(const Camera& camera, const MapStyle& style, GLsizei most = kAll, bool leading_only = false) const;
    void release();
    bool ready() const { return loaded_; }  // (its countries are in)

private:
    // The map's frame: the outline's fan (its first `fan` vertices: the ocean), then the graticule's
    // line segments. The countries' vertices come after it in a layer's buffers.
    struct Frame {
        std::vector<glm::vec2> vertices;
        GLsizei fan;
    };
    static const Frame& frame();
    static std::size_t countries_first() { return frame().vertices.size(); }
    void allocate(std::size_t countries, std::size_t indices);
    GLuint program_ = 0, vao_ = 0, vbo_ = 0, shade_vbo_ = 0, ebo_ = 0;
    GLint u_center_ = -1, u_scale_ = -1, u_palette_ = -1;
    // The countries' vertices in the mesh's order: runs of one country's (its code, their number).
    struct Run {
        std::string iso2;
        GLsizei vertices;
    };
    std::vector<Run> runs_;
    GLsizei fill_count_ = 0, outline_count_ = 0;
    GLsizei leading_fill_count_ = 0, leading_outline_count_ = 0;  // (the first countries' part)
    std::size_t outline_first_ = 0;  // (indices)
    bool loaded_ = false;
};

}  // namespace atlas::render
