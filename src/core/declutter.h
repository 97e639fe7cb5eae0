// Keeping dense regions readable: city names are placed where they overlap nothing (markers are
// grouped in core/cluster_tree.h).
#pragma once
#include <vector>

#include <glm/vec2.hpp>
#include <nlohmann/json.hpp>

namespace atlas {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    bool overlaps(const Rect& o) const { return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h; }
    bool contains(double px, double py) const { return px >= x && py >= y && px < x + w && py < y + h; }
};

// {"x", "y", "w", "h"}, as the test API reports rectangles.
inline void to_json(nlohmann::json& j, const Rect& r) { j = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}}; }

struct LabelCandidate {
    int city = -1;
    glm::dvec2 anchor{0};  // the marker's centre on screen
    float width = 0, height = 0, gap = 0;  // text size; distance from the anchor
};

struct PlacedLabel {
    int city = -1;
    Rect rect;
};

// Places labels in the given order (most important first), trying right, left, above and below
// the marker; a label that would overlap a placed label, an obstacle (a panel) or leave the
// viewport is left out. No two placed labels overlap.
std::vector<PlacedLabel> place_labels(const std::vector<LabelCandidate>& candidates, glm::dvec2 viewport,
                                      const std::vector<Rect>& obstacles = {});

}  // namespace atlas
