#include "render/link_layer.h"

#include <vector>

#include <glm/geometric.hpp>

namespace atlas::render {
namespace {
struct Segment {
    float x0, y0, x1, y1;
    Color color;
    float kind, along, width;
};
}  // namespace

bool LinkLayer::init(GLuint program) {
    program_ = program;
    revision_ = ~0u;  // built at the first draw
    for (auto [loc, name] : {std::pair{&u_center_, "u_center"}, {&u_scale_, "u_scale"}, {&u_viewport_, "u_viewport"},
                             {&u_world_to_px_, "u_world_to_px"}, {&u_halo_, "u_halo"}, {&u_halo_color_, "u_halo_color"}})
        *loc = glGetUniformLocation(program, name);
    static const float corners[8] = {0, -1, 1, -1, 0, 1, 1, 1};
    return quad_.init(corners, sizeof(Segment), {{4, offsetof(Segment, x0)}, {4, offsetof(Segment, color)},
                                                 {3, offsetof(Segment, kind)}});
}

void LinkLayer::rebuild(const Atlas& a, double scale) {
    const Dataset& d = a.data();
    std::vector<Segment> segments;
    // What is drawn, as a number (FNV-1a of each link's arc and style, not of its segments, which
    // change with the zoom alone): most new revisions (a hover, a marker) leave it as it was.
    content_ = 1469598103934665603ull;
    auto mix = [&](const void* p, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) content_ = (content_ ^ static_cast<const unsigned char*>(p)[i]) * 1099511628211ull;
    };
    // Dimmed links first, so that the chosen network's links lie on top.
    for (int pass = 0; pass < 2; ++pass)
        for (const auto& l : a.drawn_links()) {
            const bool lit = a.highlighted(l);
            if (lit != (pass == 1)) continue;
            const Network& n = d.networks[l.network];
            Color c = n.color;
            c.a = a.link_alpha(l) * (lit ? 0.92f : 0.18f);
            if (c.a <= 0.003f) continue;
            const float kind = n.line == "dashed" ? 1.f : n.line == "dotted" ? 2.f : 0.f;
            const float width = lit && a.chosen_network() >= 0 ? 3.6f : 2.4f;
            mix(&l.arc, sizeof l.arc);
            mix(&c, sizeof c);
            mix(&width, sizeof width);
            for (const auto& line : *l.arc) {
                // The arc's points are 1.5 degrees apart; on screen a segment need not be shorter
                // than kMinSegmentPx, where the chord departs from the arc by a fraction of a pixel.
                double along = 0;
                std::size_t from = 0;
                for (std::size_t i = 1; i < line.size(); ++i) {
                    const double length = glm::length(line[i] - line[from]);
                    if (length * scale < kMinSegmentPx && i + 1 < line.size()) continue;
                    segments.push_back({float(line[from].x), float(line[from].y), float(line[i].x), float(line[i].y), c,
                                        kind, float(along), width});
                    along += length;
                    from = i;
                }
            }
        }
    quad_.upload(segments.data(), segments.size());
    revision_ = a.revision();
    built_scale_ = scale;
}

void LinkLayer::prepare(const Atlas& a, const Camera& cam) {
    const double zoomed = cam.scale / built_scale_;  // segments long enough at one zoom are too long 1.5x closer
    if (revision_ != a.revision() || zoomed > 1.5 || zoomed < 1 / 1.5) rebuild(a, cam.scale);
}

void LinkLayer::draw(const Camera& cam, const MapStyle& s) const {
    if (!quad_.count()) return;
    glUseProgram(program_);
    glUniform2f(u_center_, float(cam.center.x), float(cam.center.y));
    glUniform2f(u_scale_, float(2 * cam.scale / cam.viewport.x), float(2 * cam.scale / cam.viewport.y));
    glUniform2f(u_viewport_, float(cam.viewport.x), float(cam.viewport.y));
    glUniform1f(u_world_to_px_, float(cam.scale));
    glUniform4f(u_halo_color_, s.link_halo.r, s.link_halo.g, s.link_halo.b, s.link_halo.a);
    for (float halo : {1.6f, 0.0f}) {  // the light halo under, then the line
        glUniform1f(u_halo_, halo);
        quad_.draw();
    }
}

void LinkLayer::release() {
    quad_.release();
    revision_ = ~0u;  // built again at the next draw
}

}  // namespace atlas::render
