#include "core/links.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

#include "core/great_circle.h"
#include "core/projection.h"

namespace atlas {
namespace {
glm::dvec2 lonlat(const Dataset& d, int city) { return {d.cities[std::size_t(city)].lon, d.cities[std::size_t(city)].lat}; }

// Never empty: a great circle is at least one line.
Polylines projected_arc(glm::dvec2 a, glm::dvec2 b) {
    Polylines out;
    for (const auto& line : great_circle_arc(a, b, 1.5)) {
        auto& p = out.emplace_back();
        p.reserve(line.size());
        for (auto q : line) p.push_back(equal_earth::forward(q.x, q.y));
    }
    return out;
}

glm::dvec2 spherical_mean(const std::vector<glm::dvec2>& lonlat) {
    constexpr double kDeg = 3.14159265358979323846 / 180.0;
    glm::dvec3 sum{0};
    for (auto p : lonlat)
        sum += glm::dvec3(std::cos(p.y * kDeg) * std::cos(p.x * kDeg), std::cos(p.y * kDeg) * std::sin(p.x * kDeg),
                          std::sin(p.y * kDeg));
    if (glm::length(sum) < 1e-12) return lonlat.empty() ? glm::dvec2(0) : lonlat.front();
    sum = glm::normalize(sum);
    return {std::atan2(sum.y, sum.x) / kDeg, std::asin(sum.z) / kDeg};
}
}  // namespace

const NetworkHub* LinkGeometry::hub_of(int network) const {
    for (const auto& h : hubs)
        if (h.network == network) return &h;
    return nullptr;
}

void LinkGeometry::make_arc(const Dataset& d, int link) {
    Polylines& arc = arcs[std::size_t(link)];
    const CooperationLink& l = d.links[std::size_t(link)];
    if (arc.empty()) arc = projected_arc(lonlat(d, l.from), lonlat(d, l.to));
}

LinkGeometry build_link_geometry(const Dataset& d) {
    LinkGeometry g;
    g.arcs.resize(d.links.size());
    for (int n = 0; n < int(d.networks.size()); ++n) {
        if (d.networks[n].draw_as != "network") continue;
        NetworkHub hub;
        hub.network = n;
        std::set<int> members;
        for (const auto& l : d.links)
            if (l.network == n) {
                members.insert(l.from);
                members.insert(l.to);
                if (l.year && (!hub.year || l.year < hub.year)) hub.year = l.year;
            }
        if (members.size() < 2) continue;
        hub.members.assign(members.begin(), members.end());
        std::vector<glm::dvec2> points;
        for (int m : hub.members) points.push_back(lonlat(d, m));
        hub.lonlat = spherical_mean(points);
        hub.projected = equal_earth::forward(hub.lonlat.x, hub.lonlat.y);
        for (int m : hub.members) hub.spokes.push_back(projected_arc(lonlat(d, m), hub.lonlat));
        g.hubs.push_back(std::move(hub));
    }
    return g;
}

}  // namespace atlas
