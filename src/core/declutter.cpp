#include "core/declutter.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <glm/geometric.hpp>

namespace atlas {

std::vector<Cluster> cluster_cities(const std::vector<glm::dvec2>& positions, const std::vector<int>& order,
                                    double distance, const std::vector<int>& alone) {
    std::vector<Cluster> clusters;
    if (order.empty()) return clusters;
    // A grid of cells `distance` wide: neighbours are in the 3x3 cells around a seed.
    const double cell = std::max(distance, 1e-9);
    auto key = [&](glm::dvec2 p) {
        return (std::int64_t(std::floor(p.x / cell)) << 32) ^ (std::int64_t(std::floor(p.y / cell)) & 0xffffffff);
    };
    std::unordered_map<std::int64_t, std::vector<int>> grid;
    for (int i : order) grid[key(positions[i])].push_back(i);
    std::unordered_map<int, bool> taken;
    for (int i : alone) taken[i] = true;
    for (int i : alone)
        if (std::find(order.begin(), order.end(), i) != order.end()) clusters.push_back({positions[i], {i}});
    for (int seed : order) {
        if (taken[seed]) continue;
        Cluster c{positions[seed], {seed}};
        taken[seed] = true;
        const glm::dvec2 p = positions[seed];
        for (int dx = -1; dx <= 1; ++dx)
            for (int dy = -1; dy <= 1; ++dy) {
                auto it = grid.find(key(p + glm::dvec2(dx * cell, dy * cell)));
                if (it == grid.end()) continue;
                for (int j : it->second)
                    if (!taken[j] && glm::length(positions[j] - p) < distance) {
                        c.members.push_back(j);
                        taken[j] = true;
                    }
            }
        glm::dvec2 sum{0};
        for (int m : c.members) sum += positions[m];
        c.center = sum / double(c.members.size());
        clusters.push_back(std::move(c));
    }
    return clusters;
}

std::vector<PlacedLabel> place_labels(const std::vector<LabelCandidate>& candidates, glm::dvec2 viewport,
                                      const std::vector<Rect>& obstacles) {
    std::vector<PlacedLabel> placed;
    for (const auto& c : candidates) {
        const float ax = float(c.anchor.x), ay = float(c.anchor.y), w = c.width, h = c.height, g = c.gap;
        const Rect options[] = {{ax + g, ay - h / 2, w, h}, {ax - g - w, ay - h / 2, w, h},
                                {ax - w / 2, ay - g - h, w, h}, {ax - w / 2, ay + g, w, h}};
        for (const Rect& r : options) {
            const bool inside = r.x >= 0 && r.y >= 0 && r.x + r.w <= viewport.x && r.y + r.h <= viewport.y;
            // Two pixels of air around each name, so that neighbours do not read as one.
            const Rect padded{r.x - 2, r.y - 1, r.w + 4, r.h + 2};
            auto hits = [&](const Rect& o) { return padded.overlaps(o); };
            if (!inside || std::any_of(obstacles.begin(), obstacles.end(), hits) ||
                std::any_of(placed.begin(), placed.end(), [&](const PlacedLabel& p) { return hits(p.rect); }))
                continue;
            placed.push_back({c.city, r});
            break;
        }
    }
    return placed;
}

}  // namespace atlas
