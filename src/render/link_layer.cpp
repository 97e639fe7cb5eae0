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
    for (auto [loc, name] : {std::pair{&u_center_, "u_center"}, {&u_scale_, "u_scale"}, {&u_viewport_, "u_viewport"},
                             {&u_world_to_px_, "u_world_to_px"}, {&u_halo_, "u_halo"}, {&u_halo_color_, "u_halo_color"}})
        *loc = glGetUniformLocation(program, name);
    const float corners[8] = {0, -1, 1, -1, 0, 1, 1, 1};
    glGenVertexArrays(1, &vao_);
    glBindVertexArray(vao_);
    glGenBuffers(1, &quad_);
    glBindBuffer(GL_ARRAY_BUFFER, quad_);
    glBufferData(GL_ARRAY_BUFFER, sizeof(corners), corners, GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glGenBuffers(1, &instances_);
    glBindBuffer(GL_ARRAY_BUFFER, instances_);
    const GLsizei stride = sizeof(Segment);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, stride, nullptr);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(Segment, color)));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 3, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(Segment, kind)));
    for (GLuint i = 1; i <= 3; ++i) glVertexAttribDivisor(i, 1);
    glBindVertexArray(0);
    return glGetError() == GL_NO_ERROR;
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
    count_ = GLsizei(segments.size());
    glBindBuffer(GL_ARRAY_BUFFER, instances_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(segments.size() * sizeof(Segment)), segments.data(), GL_DYNAMIC_DRAW);
    revision_ = a.revision();
}

void LinkLayer::draw(const Atlas& a, const MapStyle& s) {
    if (revision_ != a.revision()) rebuild(a);
    if (!count_) return;
    const Camera& cam = a.camera_controller().current();
    glUseProgram(program_);
    glBindVertexArray(vao_);
    glUniform2f(u_center_, float(cam.center.x), float(cam.center.y));
    glUniform2f(u_scale_, float(2 * cam.scale / cam.viewport.x), float(2 * cam.scale / cam.viewport.y));
    glUniform2f(u_viewport_, float(cam.viewport.x), float(cam.viewport.y));
    glUniform1f(u_world_to_px_, float(cam.scale));
    glUniform4f(u_halo_color_, s.link_halo.r, s.link_halo.g, s.link_halo.b, s.link_halo.a);
    for (float halo : {1.6f, 0.0f}) {  // the light halo under, then the line
        glUniform1f(u_halo_, halo);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, count_);
    }
    glBindVertexArray(0);
}

void LinkLayer::release() {
    if (instances_) glDeleteBuffers(1, &instances_);
    if (quad_) glDeleteBuffers(1, &quad_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    vao_ = quad_ = instances_ = 0;
}

}  // namespace atlas::render
