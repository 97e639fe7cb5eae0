// Geometry of the cooperation links: great-circle arcs, projected, and the hubs of networks that
// can be drawn as a hub (all members joined to one point) instead of links between all members.
#pragma once
#include <vector>

#include <glm/vec2.hpp>

#include "core/model.h"

namespace atlas {

using Polylines = std::vector<std::vector<glm::dvec2>>;  // projected, split at the antimeridian

struct NetworkHub {
    int network = -1;
    glm::dvec2 lonlat{0}, projected{0};  // the spherical mean of the members
    int year = 0;                        // the network's first link year (0: undated)
    std::vector<int> members;            // city indices
    std::vector<Polylines> spokes;       // member -> hub, by member
};

struct LinkGeometry {
    // By link, each made when it is first drawn as an arc (make_arc; empty until then): dense data
    // draws bundles instead, and the arcs of 25,000 links took 0.4 s of the web page's start.
    std::vector<Polylines> arcs;
    std::vector<NetworkHub> hubs;
    const NetworkHub* hub_of(int network) const;
    void make_arc(const Dataset& d, int link);
};

LinkGeometry build_link_geometry(const Dataset& d);

// A link as drawn now: a link of the data, or (hub style) a spoke from a member to its hub.
struct DrawnLink {
    int link = -1;   // index into Dataset::links; -1 for a spoke
    int from = -1;   // city index
    int to = -1;     // city index; -1 for a spoke (the hub)
    int network = -1;
    int year = 0;
    const Polylines* arc = nullptr;
};

}  // namespace atlas
