#include "render/instanced_quad.h"

namespace atlas::render {

bool InstancedQuad::init(const float (&corners)[8], std::size_t stride, std::initializer_list<Attribute> attributes) {
    stride_ = stride;
    glGenVertexArrays(1, &vao_);
    glBindVertexArray(vao_);
    glGenBuffers(1, &quad_);
    glBindBuffer(GL_ARRAY_BUFFER, quad_);
    glBufferData(GL_ARRAY_BUFFER, sizeof(corners), corners, GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glGenBuffers(1, &instances_);
    glBindBuffer(GL_ARRAY_BUFFER, instances_);
    GLuint location = 1;
    for (const Attribute& a : attributes) {
        glEnableVertexAttribArray(location);
        glVertexAttribPointer(location, a.components, GL_FLOAT, GL_FALSE, GLsizei(stride), reinterpret_cast<void*>(a.offset));
        glVertexAttribDivisor(location, 1);
        ++location;
    }
    glBindVertexArray(0);
    return glGetError() == GL_NO_ERROR;
}

void InstancedQuad::upload(const void* instances, std::size_t count) {
    count_ = count;
    glBindBuffer(GL_ARRAY_BUFFER, instances_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(count * stride_), instances, GL_DYNAMIC_DRAW);
}

void InstancedQuad::draw() const {
    glBindVertexArray(vao_);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, GLsizei(count_));
    glBindVertexArray(0);
}

void InstancedQuad::release() {
    if (instances_) glDeleteBuffers(1, &instances_);
    if (quad_) glDeleteBuffers(1, &quad_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    vao_ = quad_ = instances_ = 0;
}

}  // namespace atlas::render
