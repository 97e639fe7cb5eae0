#include "core/declutter.h"

#include <algorithm>

namespace atlas {

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
