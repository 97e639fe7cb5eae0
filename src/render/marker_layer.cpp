#include "render/marker_layer.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace atlas::render {

int marker_flags(const Atlas& a, int city, Color* fill) {
    const Dataset& d = a.data();
    bool creative = false, heritage = false, south = false, partner = false;
    for (const auto& g : d.cities[city].designations) {
        if (!designation_passes(d, a.filter(), g)) continue;
        const std::string& group = d.networks[g.network].group;
        if (group == "creative" && !creative) {
            creative = true;
            if (fill && g.field >= 0) *fill = d.fields[g.field].color;
        }
        heritage = heritage || group == "heritage";
        south = south || group == "south-south";
        partner = partner || group == "partner";
    }
    int flags = (creative ? kCreative : 0) | (heritage ? kHeritage : 0);
    if (partner && !flags && !south) flags |= kPartner;
    if (south) flags |= flags ? kSouthHalo : kSouthOnly;
    if (city == a.selected()) flags |= kSelected;
    return flags;
}

namespace {
struct Instance {
    float x, y;
    Color fill;
    float flags, size, opacity;
};
}  // namespace

void MarkerLayer::init(GLuint program, Source source) {
    program_ = program;
    source_ = source;
    revision_ = generation_ = ~0u;  // built at the first draw
    for (auto [loc, name] : {std::pair{&u_center_, "u_center"}, {&u_scale_, "u_scale"}, {&u_pixel_, "u_pixel"}, {&u_radius_, "u_radius"},
                             {&u_heritage_, "u_heritage"}, {&u_south_, "u_south"}, {&u_partner_, "u_partner"}, {&u_outline_, "u_outline"}})
        *loc = glGetUniformLocation(program, name);
    static const float corners[8] = {-1, -1, 1, -1, -1, 1, 1, 1};
    quad_.init(corners, sizeof(Instance), {{2, offsetof(Instance, x)}, {4, offsetof(Instance, fill)},
                                           {3, offsetof(Instance, flags)}});
}

void MarkerLayer::rebuild(const Atlas& a, const MapStyle& style) {
    const Dataset& d = a.data();
    if (const Network* n = d.network_of_group("heritage")) heritage_ = n->color;
    if (const Network* n = d.network_of_group("south-south")) south_ = n->color;
    if (const Network* n = d.network_of_group("partner")) partner_ = n->color;
    const std::vector<Cluster>& groups = source_ == Source::MainMap ? a.clusters() : a.inset().markers;

    // Drawing order: clusters, then heritage and South-South markers, creative discs over them,
    // and the hovered and selected cities on top, larger.
    std::vector<Instance> clusters, plain, creative, hovered, selected;
    for (const auto& c : groups) {
        if (c.members.size() > 1) {
            float opacity = 0;
            for (int m : c.members) opacity = std::max(opacity, a.city_opacity(m));
            clusters.push_back({float(c.center.x), float(c.center.y), style.cluster_fill, float(kCluster),
                                Atlas::cluster_size(c.members.size()), opacity});
            continue;
        }
        const int i = c.members[0];
        Color fill;
        const int flags = marker_flags(a, i, &fill);
        const float opacity = a.city_opacity(i);
        if (!flags || opacity <= 0.003f) continue;
        const bool emphasized = i == a.selected() || i == a.hovered();
        auto& list = i == a.selected() ? selected : i == a.hovered() ? hovered : (flags & kCreative) ? creative : plain;
        list.push_back({float(a.positions()[i].x), float(a.positions()[i].y), fill, float(flags),
                        emphasized ? 1.35f : 1.0f, opacity});
    }
    std::vector<Instance> all = std::move(clusters);
    for (auto* part : {&plain, &creative, &hovered, &selected}) all.insert(all.end(), part->begin(), part->end());
    quad_.upload(all.data(), all.size());
    revision_ = a.revision();
    generation_ = a.cluster_generation();
}

void MarkerLayer::draw(const Atlas& a, const MapStyle& s, const Camera& cam, float radius) {
    if (revision_ != a.revision() || generation_ != a.cluster_generation()) rebuild(a, s);
    if (!quad_.count()) return;
    // The per-instance size is relative; `radius` sets the pixels (see marker.vert).
    glUseProgram(program_);
    glUniform2f(u_center_, float(cam.center.x), float(cam.center.y));
    glUniform2f(u_scale_, float(2 * cam.scale / cam.viewport.x), float(2 * cam.scale / cam.viewport.y));
    glUniform2f(u_pixel_, float(2 / cam.viewport.x), float(2 / cam.viewport.y));
    glUniform1f(u_radius_, radius);
    glUniform4f(u_heritage_, heritage_.r, heritage_.g, heritage_.b, heritage_.a);
    glUniform4f(u_south_, south_.r, south_.g, south_.b, south_.a);
    glUniform4f(u_partner_, partner_.r, partner_.g, partner_.b, partner_.a);
    glUniform4f(u_outline_, s.marker_outline.r, s.marker_outline.g, s.marker_outline.b, 1);
    quad_.draw();
}

void MarkerLayer::release() {
    quad_.release();
    revision_ = generation_ = ~0u;  // built again at the next draw
}

}  // namespace atlas::render
