#include "render/basemap_layer.h"

#include <vector>

namespace atlas::render {

namespace {
struct Vertex {
    float x, y, shade;
};
}  // namespace

bool BasemapLayer::init(GLuint program, const BasemapMesh& m) {
    program_ = program;
    u_center_ = glGetUniformLocation(program, "u_center");
    u_scale_ = glGetUniformLocation(program, "u_scale");
    u_palette_ = glGetUniformLocation(program, "u_palette");

    // One vertex buffer: country vertices, then the outline fan (centre first), then the graticule.
    std::vector<Vertex> v;
    v.reserve(m.vertices.size() + m.sphere.size() + m.graticule.size() + 1);
    for (std::size_t i = 0; i < m.vertices.size(); ++i) v.push_back({m.vertices[i].x, m.vertices[i].y, float(m.shades[i])});
    sphere_first_ = GLint(v.size());
    v.push_back({0, 0, 0});
    for (auto p : m.sphere) v.push_back({p.x, p.y, 0});
    v.push_back({m.sphere.front().x, m.sphere.front().y, 0});
    sphere_count_ = GLsizei(v.size()) - sphere_first_;
    graticule_first_ = GLint(v.size());
    for (auto p : m.graticule) v.push_back({p.x, p.y, 0});
    graticule_count_ = GLsizei(m.graticule.size());

    fill_count_ = GLsizei(m.fill.size());
    outline_count_ = GLsizei(m.outline.size());

    glGenVertexArrays(1, &vao_);
    glBindVertexArray(vao_);
    glGenBuffers(1, &vbo_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(v.size() * sizeof(Vertex)), v.data(), GL_STATIC_DRAW);
    glGenBuffers(1, &ebo_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);
    // The fill's triangles, then the outline's lines, straight from the mesh (no joined copy).
    const auto fill_bytes = GLsizeiptr(m.fill.size() * 4), outline_bytes = GLsizeiptr(m.outline.size() * 4);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, fill_bytes + outline_bytes, nullptr, GL_STATIC_DRAW);
    glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 0, fill_bytes, m.fill.data());
    glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, fill_bytes, outline_bytes, m.outline.data());
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(Vertex), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<void*>(2 * sizeof(float)));
    glBindVertexArray(0);
    return glGetError() == GL_NO_ERROR;
}

void BasemapLayer::draw(const Camera& cam, const MapStyle& s) const {
    glUseProgram(program_);
    glBindVertexArray(vao_);
    glUniform2f(u_center_, float(cam.center.x), float(cam.center.y));
    glUniform2f(u_scale_, float(2 * cam.scale / cam.viewport.x), float(2 * cam.scale / cam.viewport.y));
    auto palette = [&](Color a, Color b, Color c) {
        const float p[12] = {a.r, a.g, a.b, a.a, b.r, b.g, b.b, b.a, c.r, c.g, c.b, c.a};
        glUniform4fv(u_palette_, 3, p);
    };
    palette(s.ocean, s.ocean, s.ocean);
    glDrawArrays(GL_TRIANGLE_FAN, sphere_first_, sphere_count_);
    palette(s.graticule, s.graticule, s.graticule);
    glDrawArrays(GL_LINES, graticule_first_, graticule_count_);
    palette(s.land_other, s.land_south, s.land_mexico);
    glDrawElements(GL_TRIANGLES, fill_count_, GL_UNSIGNED_INT, nullptr);
    palette(s.borders, s.borders, s.borders);
    glDrawElements(GL_LINES, outline_count_, GL_UNSIGNED_INT, reinterpret_cast<void*>(std::size_t(fill_count_) * 4));
    glBindVertexArray(0);
}

void BasemapLayer::release() {
    if (ebo_) glDeleteBuffers(1, &ebo_);
    if (vbo_) glDeleteBuffers(1, &vbo_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    vao_ = vbo_ = ebo_ = 0;
}

}  // namespace atlas::render
