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

void LinkLayer::rebuild(const Atlas& a) {
    const Dataset& d = a.data();
    std::vector<Segment> segments;
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
            for (const auto& line : *l.arc) {
                double along = 0;
                for (std::size_t i = 1; i < line.size(); ++i) {
                    segments.push_back({float(line[i - 1].x), float(line[i - 1].y), float(line[i].x), float(line[i].y), c,
                                        kind, float(along), width});
                    along += glm::length(line[i] - line[i - 1]);
                }
            }
        }
    quad_.upload(segments.data(), segments.size());
    revision_ = a.revision();
}

void LinkLayer::draw(const Atlas& a, const MapStyle& s) {
    if (revision_ != a.revision()) rebuild(a);
    if (!quad_.count()) return;
    const Camera& cam = a.camera_controller().current();
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
