// Draws the visible cities as instanced markers; rebuilt only when the atlas revision changes.
#pragma once
#include "core/atlas.h"
#include "platform/gl.h"
#include "render/instanced_quad.h"
#include "render/map_style.h"

namespace atlas::render {

// Marker shape flags, shared with shaders/marker.frag.
enum MarkerFlags : int { kCreative = 1, kHeritage = 2, kSouthOnly = 4, kSouthHalo = 8, kSelected = 16, kCluster = 32, kPartner = 64 };
// The shape a city gets under the current filter (0 when nothing of it is visible).
int marker_flags(const Atlas& atlas, int city, Color* fill);

class MarkerLayer {
public:
    // The main map draws clusters and single cities; the inset of Mexico draws its cities, all.
    enum class Source { MainMap, MexicoInset };
    void init(GLuint program, Source source);
    void draw(const Atlas& atlas, const MapStyle& style, const Camera& camera, float radius_px);
    void warm_up() { glUseProgram(program_), quad_.warm_up(); }  // see MapRenderer::warm_up
    void release();

private:
    void rebuild(const Atlas& atlas, const MapStyle& style);
    GLuint program_ = 0;
    InstancedQuad quad_;
    GLint u_center_ = -1, u_scale_ = -1, u_pixel_ = -1, u_radius_ = -1, u_heritage_ = -1, u_south_ = -1, u_partner_ = -1, u_outline_ = -1;
    unsigned revision_ = 0, generation_ = 0;  // of the atlas and of its clusters, as last drawn
    Source source_ = Source::MainMap;
    Color heritage_, south_, partner_;
};

}  // namespace atlas::render
