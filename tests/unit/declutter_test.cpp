#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include <glm/geometric.hpp>

#include "core/declutter.h"

using namespace atlas;

TEST(Labels, PlacedLabelsNeverOverlapAndStayOnScreen) {
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> x(0, 1280), y(0, 800);
    std::uniform_real_distribution<float> w(30, 160);
    std::vector<LabelCandidate> c;
    for (int i = 0; i < 600; ++i) c.push_back({i, {x(rng), y(rng)}, w(rng), 18, 8});
    const std::vector<Rect> panels = {{0, 0, 372, 800}};
    auto placed = place_labels(c, {1280, 800}, panels);
    EXPECT_GT(placed.size(), 50u);
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const Rect& r = placed[i].rect;
        EXPECT_GE(r.x, 0);
        EXPECT_LE(r.x + r.w, 1280);
        EXPECT_FALSE(r.overlaps(panels[0]));
        for (std::size_t j = i + 1; j < placed.size(); ++j) ASSERT_FALSE(r.overlaps(placed[j].rect)) << i << " " << j;
    }
}

TEST(Labels, TheFirstCandidatesWinAndFallBackToOtherSides) {
    // Two cities side by side: the first label takes the right side; for the second, right and
    // left would overlap it, so it goes above. A third right beside them finds no room.
    std::vector<LabelCandidate> c = {{1, {100, 100}, 80, 18, 10}, {2, {150, 100}, 80, 18, 10},
                                     {3, {150, 102}, 80, 18, 10}};
    auto placed = place_labels(c, {400, 300});
    ASSERT_EQ(placed.size(), 3u);
    EXPECT_EQ(placed[0].city, 1);
    EXPECT_FLOAT_EQ(placed[0].rect.x, 110);             // right of the first
    EXPECT_FLOAT_EQ(placed[1].rect.y, 100 - 10 - 18);  // above the second
    EXPECT_FLOAT_EQ(placed[2].rect.y, 102 + 10);       // below the third
    c.push_back({4, {152, 101}, 80, 18, 10});
    EXPECT_EQ(place_labels(c, {400, 300}).size(), 3u);  // no room left: left out
}
