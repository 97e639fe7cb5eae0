// A quad drawn once per instance, the shape both the marker and the link layers use: the quad's
// corners are attribute 0; the instances' float attributes follow from location 1.
#pragma once
#include <cstddef>
#include <initializer_list>

#include "platform/gl.h"

namespace atlas::render {

class InstancedQuad {
public:
    struct Attribute {
        int components;
        std::size_t offset;  // in the instance struct
    };
    // corners: 4 (x, y) pairs in triangle-strip order.
    bool init(const float (&corners)[8], std::size_t stride, std::initializer_list<Attribute> attributes);
    void upload(const void* instances, std::size_t count);
    void draw() const;
    std::size_t count() const { return count_; }
    void release();

private:
    GLuint vao_ = 0, quad_ = 0, instances_ = 0;
    std::size_t stride_ = 0, count_ = 0;
};

}  // namespace atlas::render
