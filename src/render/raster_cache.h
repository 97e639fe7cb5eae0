// A picture of part of the map at one scale, kept in a texture and painted again only when the
// camera leaves it. A software renderer (SwiftShader in browsers without a GPU, llvmpipe on kiosks)
// pays about a microsecond per triangle: the basemap's 28,000 triangles and border segments took
// 30 ms a frame; drawing its picture takes one rectangle. While the camera moves, the picture is
// shifted (and, during a zoom, scaled) until the view leaves it; once the camera rests, it is
// painted again where it stands (unless the camera only panned by whole pixels within its margin:
// moved, it is then the direct drawing already), so what is seen then is exactly the direct drawing.
#pragma once
#include <cstdint>
#include <functional>

#include <glm/ext/vector_int2.hpp>
#include <glm/ext/vector_int4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

#include "core/camera.h"
#include "platform/gl.h"

namespace atlas::render {

// A texture's rectangle drawn into the framebuffer bound through the panels' pipeline (the app's:
// ImGui's backend) rather than a program of its own: a software GL compiles a pipeline per program
// at its first draw, 50-75 ms each (SwiftShader, measured draw by draw), and the first frame waited
// for them. Rectangles in framebuffer pixels, GL's way (y up).
struct TexturedRect {
    GLuint texture = 0;
    glm::vec4 rect{0};        // where it goes: x0, y0, x1, y1
    glm::vec2 uv_max{1};      // the texture's part drawn, from (0, 0): the texture's rows run bottom up too
    glm::ivec4 clip{0};       // drawn within: x, y, width, height (the viewport)
    glm::ivec2 framebuffer{0};
    // Its pixels replace those under it, without blending (a picture of the map is opaque): a
    // software GL then writes them without reading the framebuffer first.
    bool opaque = false;
    // The whole texture into a one-pixel frame (a pipeline's warm-up).
    static TexturedRect pixel(GLuint texture, bool opaque = false) {
        return {texture, {0, 0, 1, 1}, {1, 1}, {0, 0, 1, 1}, {1, 1}, opaque};
    }
};
using DrawTexture = std::function<void(const TexturedRect&)>;

class RasterCache {
public:
    // Draws with the camera it is given, into a viewport of that camera's size.
    using Paint = std::function<void(const Camera&)>;
    // `draw_texture`: how its picture is drawn; `margin`: logical pixels painted beyond each edge of the view.
    bool init(DrawTexture draw_texture, double margin);
    // Shows what `paint` draws as seen by `camera` in the current viewport of a framebuffer of
    // `framebuffer` pixels (`ratio`: framebuffer pixels per logical pixel). `content` names what is
    // painted: another value paints again.
    // `exact`: the picture must show the direct drawing (the camera rests, or a picture is taken):
    // painted where the camera stands, or whole pixels away at the same scale.
    // `draft`: a picture painted now may have half the pixels (the frame is seen only scaled, in the
    // middle of a zoom); an exact one never is.
    void draw(const Camera& camera, double ratio, glm::ivec2 framebuffer, std::uint64_t content, bool exact, const Paint& paint,
              bool draft = false);
    // Whether `draw` would show the picture as it is (not paint it again).
    bool shows(const Camera& camera, double ratio, std::uint64_t content, bool exact) const;
    // Whether the last draw showed the direct drawing (a picture painted where the camera stood, at
    // full resolution, or moved by whole pixels since; or drawn directly): drawn `exact`, it would
    // have been the same.
    bool drew_exact() const { return drew_exact_; }
    int paints() const { return paints_; }  // how often the picture was painted (tests, measurements)
    int drafts() const { return drafts_; }  // of which with half the pixels
    // A pixel of `texture` drawn as its picture is (the texture's filter is the pipeline's too;
    // MapRenderer::warm_up).
    void warm_up(GLuint texture) const;
    void release();

private:
    bool repaint(const Camera& camera, double ratio, double resolution, const Paint& paint);
    DrawTexture draw_texture_;
    GLuint fbo_ = 0, texture_ = 0;
    double margin_ = 0;
    Camera painted_;            // the camera the picture was painted with (its viewport includes the margin)
    double painted_ratio_ = 0;  // the screen's pixels per logical pixel it was painted for (0: no picture)
    double resolution_ = 1;     // its pixels per screen pixel: 1, or 0.5 for a draft
    glm::dvec2 painted_part_{1, 1};  // the part of the texture it was painted in
    std::uint64_t content_ = 0;
    int width_ = 0, height_ = 0;  // the texture's pixels
    bool drew_exact_ = false;
    GLint filter_ = 0;            // the texture's filter now (0: not set yet)
    int paints_ = 0, drafts_ = 0;
};

}  // namespace atlas::render
