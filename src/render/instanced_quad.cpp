#include "render/instanced_quad.h"

#include <cstdint>
#include <cstring>

namespace atlas::render {

bool InstancedQuad::init(const float (&corners)[8], std::size_t stride, std::initializer_list<Attribute> attributes) {
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
    return glGetError() == GL_NO_ERROR;
}

void InstancedQuad::upload(const void* instances, std::size_t count) {
    count_ = count;
    const std::size_t vertex = 2 * sizeof(float) + stride_;
    expanded_.resize(count * 4 * vertex);
    const auto* in = static_cast<const unsigned char*>(instances);
    for (std::size_t i = 0; i < count; ++i)
        for (std::size_t c = 0; c < 4; ++c) {
            unsigned char* v = expanded_.data() + (i * 4 + c) * vertex;
            std::memcpy(v, corners_ + 2 * c, 2 * sizeof(float));
            std::memcpy(v + 2 * sizeof(float), in + i * stride_, stride_);
        }
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vertices_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(expanded_.size()), expanded_.data(), GL_DYNAMIC_DRAW);
    if (count > index_capacity_) {  // two triangles per quad; the pattern only grows
        std::vector<std::uint32_t> idx;
        idx.reserve(count * 6);
        for (std::uint32_t q = 0; q < count; ++q)
            for (std::uint32_t k : {0u, 1u, 2u, 2u, 1u, 3u}) idx.push_back(q * 4 + k);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(idx.size() * sizeof(std::uint32_t)), idx.data(), GL_STATIC_DRAW);
        index_capacity_ = count;
    }
    glBindVertexArray(0);
}

void InstancedQuad::draw() const {
    glBindVertexArray(vao_);
    glDrawElements(GL_TRIANGLES, GLsizei(count_ * 6), GL_UNSIGNED_INT, nullptr);
    glBindVertexArray(0);
}

void InstancedQuad::warm_up() {
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
