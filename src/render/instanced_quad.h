// Quads, one per instance, the shape both the marker and the link layers draw: attribute 0 is the
// quad's corner, the instances' float attributes follow from location 1.
// The instances are expanded into one indexed triangle list (4 vertices each) rather than drawn
// with GL instancing: software renderers (SwiftShader in browsers without a GPU, llvmpipe on
// kiosks) pay a large cost per instance, and 5,000 link segments took 50 ms a frame that way.
#pragma once
#include <cstddef>
#include <initializer_list>
#include <vector>

#include "platform/gl.h"

namespace atlas::render {

class InstancedQuad {
public:
    struct Attribute {
        int components;
        std::size_t offset;  // in the instance struct
    };
    // corners: 4 (x, y) pairs in triangle-strip order.
    void init(const float (&corners)[8], std::size_t stride, std::initializer_list<Attribute> attributes);
    // `count` instances handed over one at a time, expanded and sent to the GL as they come, a chunk
    // at a time: the caller need not hold them either (the web's memory keeps its highest level for
    // good). The quad draws those handed over once the upload ends.
    class Upload {
    public:
        Upload(InstancedQuad& quad, std::size_t count);
        Upload(const Upload&) = delete;
        Upload& operator=(const Upload&) = delete;
        ~Upload();
        void add(const void* instance);  // (past `count`: left out)

    private:
        void flush(std::size_t pending);
        InstancedQuad& quad_;
        std::size_t count_, vertex_, made_ = 0;
        std::vector<unsigned char> expanded_;  // a chunk's vertices, sized once (made_ % kChunk of them filled)
    };
    void upload(const void* instances, std::size_t count);  // all at once
    void draw() const;
    // Drawn once as it is (see MapRenderer::warm_up); the program is bound. Holding nothing yet (at
    // start-up), one instance of zeros is drawn, then none held.
    void warm_up();
    std::size_t count() const { return count_; }
    void release();

private:
    GLuint vao_ = 0, vertices_ = 0, indices_ = 0;
    float corners_[8] = {};
    std::size_t stride_ = 0, count_ = 0, index_capacity_ = 0;
};

}  // namespace atlas::render
