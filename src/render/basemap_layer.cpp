#include "render/basemap_layer.h"

#include <algorithm>

#include <type_traits>
#include <vector>

namespace atlas::render {
namespace {
constexpr std::size_t kSlice = 16384;  // indices uploaded at a time
}

bool BasemapLayer::init(GLuint program, const BasemapMesh& m) {
    program_ = program;
    u_center_ = glGetUniformLocation(program, "u_center");
    u_scale_ = glGetUniformLocation(program, "u_scale");
    u_palette_ = glGetUniformLocation(program, "u_palette");

    // Positions and shades in two buffers, each straight from the mesh (an interleaved copy of the
    // 1:50m mesh's vertices would add 1.4 MB to the web's peak memory): the countries' vertices,
    // then the outline's fan (centre first), then the graticule.
    sphere_first_ = GLint(m.vertices.size());
    sphere_count_ = GLsizei(m.sphere.size() + 2);
    graticule_first_ = sphere_first_ + sphere_count_;
    graticule_count_ = GLsizei(m.graticule.size());
    const std::size_t count = std::size_t(graticule_first_) + m.graticule.size();
    std::vector<glm::vec2> fan{{0, 0}};
    fan.insert(fan.end(), m.sphere.begin(), m.sphere.end());
    fan.push_back(m.sphere.front());

    glGenVertexArrays(1, &vao_);
    glBindVertexArray(vao_);
    glGenBuffers(1, &vbo_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(count * sizeof(glm::vec2)), nullptr, GL_STATIC_DRAW);
    // `values` into the buffer bound to `target`, from its element `first` on.
    auto put = [](GLenum target, std::size_t first, const auto& values) {
        using T = typename std::decay_t<decltype(values)>::value_type;
        if (!values.empty()) glBufferSubData(target, GLintptr(first * sizeof(T)), GLsizeiptr(values.size() * sizeof(T)), values.data());
    };
    put(GL_ARRAY_BUFFER, 0, m.vertices);
    put(GL_ARRAY_BUFFER, std::size_t(sphere_first_), fan);
    put(GL_ARRAY_BUFFER, std::size_t(graticule_first_), m.graticule);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(glm::vec2), nullptr);
    glGenBuffers(1, &shade_vbo_);
    glBindBuffer(GL_ARRAY_BUFFER, shade_vbo_);
    std::vector<std::uint8_t> none(count - m.shades.size(), 0);  // the outline and graticule take the palette's first colour
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(count), nullptr, GL_STATIC_DRAW);
    put(GL_ARRAY_BUFFER, 0, m.shades);
    put(GL_ARRAY_BUFFER, m.shades.size(), none);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 1, GL_UNSIGNED_BYTE, GL_FALSE, 1, nullptr);

    // The fill's triangles, then the borders' line segments (each ring closed: its last vertex
    // joins its first), made and uploaded a slice at a time. The triangles are fewer than the
    // room kept for them, so the borders start where that room ends.
    outline_count_ = 0;
    for (const BasemapMesh::Ring& r : m.rings) outline_count_ += GLsizei(2 * r.count);
    const std::size_t fill_room = m.most_fill_indices();
    glGenBuffers(1, &ebo_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr((fill_room + std::size_t(outline_count_)) * 4), nullptr, GL_STATIC_DRAW);
    std::vector<std::uint32_t> slice;
    std::size_t at = 0;
    auto flush = [&] {
        put(GL_ELEMENT_ARRAY_BUFFER, at, slice);
        at += slice.size();
        slice.clear();
    };
    for (const BasemapMesh::Polygon& polygon : m.polygons) {
        const std::vector<std::uint32_t> triangles = triangulate(m, polygon);  // (within fill_room: the fuzzer holds it)
        slice.insert(slice.end(), triangles.begin(), triangles.end());
        if (slice.size() >= kSlice) flush();
    }
    flush();
    fill_count_ = GLsizei(at);
    at = outline_first_ = fill_room;
    for (const BasemapMesh::Ring& r : m.rings) {
        for (std::uint32_t i = 0; i < r.count; ++i) slice.push_back(r.first + i), slice.push_back(r.first + (i + 1) % r.count);
        if (slice.size() >= kSlice) flush();
    }
    flush();
    glBindVertexArray(0);
    return glGetError() == GL_NO_ERROR;
}

void BasemapLayer::draw(const Camera& cam, const MapStyle& s, GLsizei most) const {
    glUseProgram(program_);
    glBindVertexArray(vao_);
    glUniform2f(u_center_, float(cam.center.x), float(cam.center.y));
    glUniform2f(u_scale_, float(2 * cam.scale / cam.viewport.x), float(2 * cam.scale / cam.viewport.y));
    auto palette = [&](Color a, Color b, Color c) {
        const float p[12] = {a.r, a.g, a.b, a.a, b.r, b.g, b.b, b.a, c.r, c.g, c.b, c.a};
        glUniform4fv(u_palette_, 3, p);
    };
    palette(s.ocean, s.ocean, s.ocean);
    glDrawArrays(GL_TRIANGLE_FAN, sphere_first_, std::min(sphere_count_, most));
    palette(s.graticule, s.graticule, s.graticule);
    glDrawArrays(GL_LINES, graticule_first_, std::min(graticule_count_, most));
    palette(s.land_other, s.land_south, s.land_mexico);
    glDrawElements(GL_TRIANGLES, std::min(fill_count_, most), GL_UNSIGNED_INT, nullptr);
    palette(s.borders, s.borders, s.borders);
    glDrawElements(GL_LINES, std::min(outline_count_, most), GL_UNSIGNED_INT, reinterpret_cast<void*>(outline_first_ * 4));
    glBindVertexArray(0);
}

void BasemapLayer::release() {
    if (ebo_) glDeleteBuffers(1, &ebo_);
    if (vbo_) glDeleteBuffers(1, &vbo_);
    if (shade_vbo_) glDeleteBuffers(1, &shade_vbo_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    vao_ = vbo_ = shade_vbo_ = ebo_ = 0;
}

}  // namespace atlas::render
