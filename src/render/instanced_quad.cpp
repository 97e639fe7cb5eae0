#include "render/instanced_quad.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace atlas::render {

void InstancedQuad::init(const float (&corners)[8], std::size_t stride, std::initializer_list<Attribute> attributes) {
    std::memcpy(corners_, corners, sizeof corners_);
    stride_ = stride;
    const std::size_t vertex = 2 * sizeof(float) + stride;  // the corner, then the instance's data
    glGenVertexArrays(1, &vao_);
    glBindVertexArray(vao_);
    glGenBuffers(1, &vertices_);
    glGenBuffers(1, &indices_);
    glBindBuffer(GL_ARRAY_BUFFER, vertices_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, GLsizei(vertex), nullptr);
    GLuint location = 1;
    for (const Attribute& a : attributes) {
        glEnableVertexAttribArray(location);
        glVertexAttribPointer(location, a.components, GL_FLOAT, GL_FALSE, GLsizei(vertex),
                              reinterpret_cast<void*>(2 * sizeof(float) + a.offset));
        ++location;
    }
    glBindVertexArray(0);
}

namespace {
// Instances expanded and sent on at a time: the whole expansion (4 vertices an instance, and 6
// indices) at once was the web's highest memory during a zoom (0.8 MB at 400 cities' links), which
// its memory keeps for good; a chunk of 1,024 links (213 KB), then of 256 (53 KB), and of 128 still
// set it at the first frame (a memory growth's stack, logged). Sending 64 at a time cost no script
// time measured.
constexpr std::size_t kChunk = 64;
}  // namespace

InstancedQuad::Upload::Upload(InstancedQuad& quad, std::size_t count)
    : quad_(quad), count_(count), vertex_(2 * sizeof(float) + quad.stride_) {
    glBindVertexArray(quad.vao_);
    glBindBuffer(GL_ARRAY_BUFFER, quad.vertices_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(count * 4 * vertex_), nullptr, GL_DYNAMIC_DRAW);
    if (count > quad.index_capacity_) {  // two triangles per quad; the pattern only grows
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(count * 6 * sizeof(std::uint32_t)), nullptr, GL_STATIC_DRAW);
        std::vector<std::uint32_t> idx;
        idx.reserve(std::min(count, kChunk) * 6);
        for (std::size_t first = 0; first < count; first += kChunk) {
            idx.clear();
            for (std::uint32_t q = std::uint32_t(first); q < std::min(count, first + kChunk); ++q)
                for (std::uint32_t k : {0u, 1u, 2u, 2u, 1u, 3u}) idx.push_back(q * 4 + k);
            glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, GLintptr(first * 6 * sizeof(std::uint32_t)),
                            GLsizeiptr(idx.size() * sizeof(std::uint32_t)), idx.data());
        }
        quad.index_capacity_ = count;
    }
    glBindVertexArray(0);
    // (Not kept between uploads: the links' chunk, which the detailed basemap's mesh, made later,
    // can then use; the web's memory keeps its highest level for good.)
    expanded_.resize(std::min(count, kChunk) * 4 * vertex_);
}

void InstancedQuad::Upload::add(const void* instance) {
    if (made_ == count_) return;
    // (Written in place: growing the vector zeroed each vertex first.)
    unsigned char* out = expanded_.data() + (made_ % kChunk) * 4 * vertex_;
    for (std::size_t c = 0; c < 4; ++c, out += vertex_) {
        std::memcpy(out, quad_.corners_ + 2 * c, 2 * sizeof(float));
        std::memcpy(out + 2 * sizeof(float), instance, quad_.stride_);
    }
    if (++made_ % kChunk == 0) flush(kChunk);
}

void InstancedQuad::Upload::flush(std::size_t pending) {  // the last `pending` made, from the chunk's start
    if (pending == 0) return;
    glBindBuffer(GL_ARRAY_BUFFER, quad_.vertices_);
    glBufferSubData(GL_ARRAY_BUFFER, GLintptr((made_ - pending) * 4 * vertex_), GLsizeiptr(pending * 4 * vertex_), expanded_.data());
}

InstancedQuad::Upload::~Upload() {
    flush(made_ % kChunk);
    quad_.count_ = made_;  // (fewer than said: only those drawn)
}

void InstancedQuad::upload(const void* instances, std::size_t count) {
    Upload upload(*this, count);
    for (std::size_t i = 0; i < count; ++i) upload.add(static_cast<const unsigned char*>(instances) + i * stride_);
}

void InstancedQuad::draw() const {
    glBindVertexArray(vao_);
    glDrawElements(GL_TRIANGLES, GLsizei(count_ * 6), GL_UNSIGNED_INT, nullptr);
    glBindVertexArray(0);
}

void InstancedQuad::warm_up() {
    if (count_) return draw();  // (what the layer holds stays: warmed again while the map rests)
    const std::vector<unsigned char> zeros(stride_, 0);
    upload(zeros.data(), 1);
    draw();
    count_ = 0;  // the layer's first upload replaces it
}

void InstancedQuad::release() {
    if (indices_) glDeleteBuffers(1, &indices_);
    if (vertices_) glDeleteBuffers(1, &vertices_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    vao_ = vertices_ = indices_ = 0;
    count_ = index_capacity_ = 0;  // new buffers hold nothing yet
}

}  // namespace atlas::render
