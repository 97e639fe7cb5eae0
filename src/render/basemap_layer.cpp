#include "render/basemap_layer.h"

#include <algorithm>

#include <vector>

namespace atlas::render {
namespace {
// Values sent on to a GL buffer a slice at a time as they are made, never held whole (the web's
// memory keeps its highest level for good). A call per country was a command and a copy each for
// a browser's GPU process: the detailed basemap's 500 calls took 17 ms of the main thread.
template <class T>
class SlicedUpload {
public:
    // Into `buffer` (bound to `target`), from its element `first` on, `slice_bytes` at a time (and
    // no more than 16,384 values, as the indices and shades always were).
    SlicedUpload(GLenum target, GLuint buffer, std::size_t first, std::size_t slice_bytes)
        : slice_(std::clamp<std::size_t>(slice_bytes / sizeof(T), 1, 16384)), target_(target), buffer_(buffer), at_(first) {
        pending_.reserve(slice_);
    }
    void add(T value) {
        pending_.push_back(value);
        if (pending_.size() >= slice_) flush();
    }
    void add(const std::vector<T>& values) {  // (never grown past its slice: a country larger than one goes alone)
        if (pending_.size() + values.size() > slice_) flush();
        if (values.size() > slice_) return send(values.data(), values.size());
        pending_.insert(pending_.end(), values.begin(), values.end());
    }
    void flush() {
        send(pending_.data(), pending_.size());
        pending_.clear();
    }
    std::size_t end() const { return at_ + pending_.size(); }  // where the next value goes

private:
    void send(const T* values, std::size_t count) {
        if (count == 0) return;
        glBindBuffer(target_, buffer_);
        glBufferSubData(target_, GLintptr(at_ * sizeof(T)), GLsizeiptr(count * sizeof(T)), values);
        at_ += count;
    }

    std::size_t slice_;
    GLenum target_;
    GLuint buffer_;
    std::size_t at_;
    std::vector<T> pending_;
};

}  // namespace

void BasemapLayer::init(GLuint program) {
    glGenVertexArrays(1, &vao_);
    glBindVertexArray(vao_);
    glGenBuffers(1, &vbo_);
    glGenBuffers(1, &shade_vbo_);
    glGenBuffers(1, &ebo_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(glm::vec2), nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, shade_vbo_);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 1, GL_UNSIGNED_BYTE, GL_FALSE, 1, nullptr);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);  // (the vertex array keeps it)
    glBindVertexArray(0);
    allocate(0, 0);
    program_ = program;  // (a program still linking is waited for here)
    u_center_ = glGetUniformLocation(program, "u_center");
    u_scale_ = glGetUniformLocation(program, "u_scale");
    u_palette_ = glGetUniformLocation(program, "u_palette");
}

// The map's frame, the same for every layer: projected once (a layer's buffers are sized twice,
// and made again after a lost context).
const BasemapLayer::Frame& BasemapLayer::frame() {
    static const Frame made = [] {
        BasemapMesh mesh;
        add_sphere_and_graticule(mesh);
        Frame f{{{0, 0}}, 0};  // the fan's centre first
        f.vertices.insert(f.vertices.end(), mesh.sphere.begin(), mesh.sphere.end());
        f.vertices.push_back(mesh.sphere.front());
        f.fan = GLsizei(f.vertices.size());
        f.vertices.insert(f.vertices.end(), mesh.graticule.begin(), mesh.graticule.end());
        return f;
    }();
    return made;
}

// The buffers, sized for the frame and `countries` vertices (and `indices`), the frame put in first.
void BasemapLayer::allocate(std::size_t countries, std::size_t indices) {
    const std::vector<glm::vec2>& vertices = frame().vertices;
    const std::size_t count = vertices.size() + countries;
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(count * sizeof(glm::vec2)), nullptr, GL_STATIC_DRAW);
    glBufferSubData(GL_ARRAY_BUFFER, 0, GLsizeiptr(vertices.size() * sizeof(glm::vec2)), vertices.data());
    glBindBuffer(GL_ARRAY_BUFFER, shade_vbo_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(count), nullptr, GL_STATIC_DRAW);
    const std::vector<std::uint8_t> first_colour(vertices.size(), 0);  // the palette's first colour
    glBufferSubData(GL_ARRAY_BUFFER, 0, GLsizeiptr(first_colour.size()), first_colour.data());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(std::max<std::size_t>(indices, 1) * 4), nullptr, GL_STATIC_DRAW);
}

bool BasemapLayer::load(const BasemapFile& countries, const CountryGroup* global_south, const LonLatBox& leading,
                        std::size_t slice_bytes) {
    // Made and uploaded a polygon at a time, as the file is decoded: neither the whole mesh nor
    // every country is ever in memory (the web's keeps its highest level for good). Counted first,
    // for the buffers' sizes. In two passes: the countries' parts that reach into the leading box,
    // then the rest.
    const PolygonFilter passes[] = {{&leading, true}, {&leading, false}};
    BasemapMesh::Size size;
    countries.for_each([&](const BasemapCountry& c) {
        for (const PolygonFilter& which : passes) {
            const BasemapMesh::Size s = measure_country(c, 1.0, which);
            size.vertices += s.vertices, size.rings += s.rings;
        }
    });
    // The fill's triangles, then the borders' line segments (each ring closed: its last vertex
    // joins its first). The triangles are fewer than the room kept for them, so the borders start
    // where that room ends.
    outline_count_ = GLsizei(2 * size.vertices);
    const std::size_t fill_room = size.most_fill_indices();
    glBindVertexArray(0);  // (the element buffer is bound below, as no vertex array's)
    allocate(size.vertices, fill_room + std::size_t(outline_count_));
    runs_.clear();

    // The vertices, the fill's indices and the borders' (after the room kept for the fill's).
    SlicedUpload<glm::vec2> vertices(GL_ARRAY_BUFFER, vbo_, countries_first(), slice_bytes);
    SlicedUpload<std::uint32_t> fill(GL_ELEMENT_ARRAY_BUFFER, ebo_, 0, slice_bytes),
        outline(GL_ELEMENT_ARRAY_BUFFER, ebo_, fill_room, slice_bytes);
    BasemapMesh piece;
    for (const PolygonFilter& which : passes) {
        countries.for_each([&](const BasemapCountry& c) {
            // A polygon at a time: a whole country's points (Canada's 11,469) grew the web's memory.
            GLsizei run = 0;
            for (const auto& rings : c.polygons) {
                if (!which.keeps(rings)) continue;
                piece.vertices.clear(), piece.shades.clear(), piece.rings.clear(), piece.polygons.clear();
                append_polygon(piece, rings, BasemapMesh::Other);  // (shaded below)
                const auto base = std::uint32_t(vertices.end());  // the piece's first vertex in the buffers
                vertices.add(piece.vertices);
                run += GLsizei(piece.vertices.size());
                for (const BasemapMesh::Polygon& polygon : piece.polygons)
                    triangulate(piece, polygon, [&](std::span<const std::uint32_t> triangles) {
                        for (std::uint32_t i : triangles) fill.add(base + i);  // (within fill_room: the fuzzer holds it)
                    });
                for (const BasemapMesh::Ring& r : piece.rings)
                    for (std::uint32_t i = 0; i < r.count; ++i)
                        outline.add(base + r.first + i), outline.add(base + r.first + (i + 1) % r.count);
            }
            if (run > 0) runs_.push_back({c.iso2, run});
        });
        if (which.meeting) {  // (the first pass: the leading part ends here)
            leading_fill_count_ = GLsizei(fill.end());
            leading_outline_count_ = GLsizei(outline.end() - fill_room);
        }
    }
    vertices.flush(), fill.flush(), outline.flush();
    fill_count_ = GLsizei(fill.end());
    outline_first_ = fill_room;
    shade(global_south);
    loaded_ = true;
    return vertices.end() == countries_first() + size.vertices;
}

void BasemapLayer::shade(const CountryGroup* global_south) {
    if (!shade_vbo_) return;
    // (A byte a vertex: 16,384 at a time with either slice size, as they always went.)
    SlicedUpload<std::uint8_t> shades(GL_ARRAY_BUFFER, shade_vbo_, countries_first(), kAtRestSlice);
    for (const Run& run : runs_) {
        const std::uint8_t s = shade_of(run.iso2, global_south);
        for (GLsizei i = 0; i < run.vertices; ++i) shades.add(s);
    }
    shades.flush();
}

void BasemapLayer::draw(const Camera& cam, const MapStyle& s, GLsizei most, bool leading_only) const {
    glUseProgram(program_);
    glBindVertexArray(vao_);
    glUniform2f(u_center_, float(cam.center.x), float(cam.center.y));
    glUniform2f(u_scale_, float(2 * cam.scale / cam.viewport.x), float(2 * cam.scale / cam.viewport.y));
    // Opaque colours (every theme's) are drawn without blending: a software GL then writes the
    // pixels without reading them first.
    auto palette = [&](Color a, Color b, Color c) {
        const float p[12] = {a.r, a.g, a.b, a.a, b.r, b.g, b.b, b.a, c.r, c.g, c.b, c.a};
        glUniform4fv(u_palette_, 3, p);
        if (a.a >= 1 && b.a >= 1 && c.a >= 1) glDisable(GL_BLEND);
        else glEnable(GL_BLEND);
    };
    palette(s.ocean, s.ocean, s.ocean);
    const Frame& f = frame();
    glDrawArrays(GL_TRIANGLE_FAN, 0, std::min(f.fan, most));
    palette(s.graticule, s.graticule, s.graticule);
    glDrawArrays(GL_LINES, f.fan, std::min(GLsizei(f.vertices.size()) - f.fan, most));
    palette(s.land_other, s.land_south, s.land_mexico);
    glDrawElements(GL_TRIANGLES, std::min(leading_only ? leading_fill_count_ : fill_count_, most), GL_UNSIGNED_INT, nullptr);
    palette(s.borders, s.borders, s.borders);
    glDrawElements(GL_LINES, std::min(leading_only ? leading_outline_count_ : outline_count_, most), GL_UNSIGNED_INT,
                   reinterpret_cast<void*>(outline_first_ * 4));
    glBindVertexArray(0);
    glEnable(GL_BLEND);  // (the layers drawn after it blend)
}

void BasemapLayer::release() {
    if (ebo_) glDeleteBuffers(1, &ebo_);
    if (vbo_) glDeleteBuffers(1, &vbo_);
    if (shade_vbo_) glDeleteBuffers(1, &shade_vbo_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    vao_ = vbo_ = shade_vbo_ = ebo_ = 0;
    runs_.clear();
    fill_count_ = outline_count_ = leading_fill_count_ = leading_outline_count_ = 0;
    loaded_ = false;
}

}  // namespace atlas::render
