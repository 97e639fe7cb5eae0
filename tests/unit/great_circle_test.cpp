#include <gtest/gtest.h>

#include "core/great_circle.h"

using namespace atlas;

TEST(GreatCircle, KnownDistancesAndMidpoints) {
    EXPECT_NEAR(great_circle_distance({0, 0}, {90, 0}), 90, 1e-9);
    EXPECT_NEAR(great_circle_distance({0, 0}, {0, 90}), 90, 1e-9);
    EXPECT_NEAR(great_circle_distance({10, 20}, {10, 20}), 0, 1e-9);
    // Mexico City - Madrid: about 9,070 km on a sphere of radius 6,371 km.
    EXPECT_NEAR(great_circle_distance({-99.1277, 19.4285}, {-3.7038, 40.4168}) * 6371 * 3.14159265358979 / 180, 9070, 30);
    const glm::dvec2 mid = great_circle_point({0, 0}, {90, 0}, 0.5);
    EXPECT_NEAR(mid.x, 45, 1e-9);
    EXPECT_NEAR(mid.y, 0, 1e-9);
    // The great circle between two places at 45N bows north of the parallel.
    EXPECT_GT(great_circle_point({-60, 45}, {60, 45}, 0.5).y, 60);
}

TEST(GreatCircle, StepsAreSmallAndEndsExact) {
    const auto lines = great_circle_arc({-99.1277, 19.4285}, {-3.7038, 40.4168}, 2.0);
    ASSERT_EQ(lines.size(), 1u);
    const auto& l = lines[0];
    EXPECT_EQ(l.front(), glm::dvec2(-99.1277, 19.4285));
    EXPECT_EQ(l.back(), glm::dvec2(-3.7038, 40.4168));
    for (std::size_t i = 1; i < l.size(); ++i) EXPECT_LE(great_circle_distance(l[i - 1], l[i]), 2.0 + 1e-9);
}

TEST(GreatCircle, CrossingTheAntimeridianSplitsTheArc) {
    // Tokyo - Mexico City crosses the Pacific: two pieces meeting at +-180 at the same latitude.
    const auto lines = great_circle_arc({139.69, 35.69}, {-99.1277, 19.4285}, 2.0);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_DOUBLE_EQ(lines[0].back().x, 180);
    EXPECT_DOUBLE_EQ(lines[1].front().x, -180);
    EXPECT_DOUBLE_EQ(lines[0].back().y, lines[1].front().y);
    EXPECT_GT(lines[0].back().y, 35);  // the route bows north, past the Aleutians
    for (const auto& line : lines)
        for (std::size_t i = 1; i < line.size(); ++i) EXPECT_LT(std::abs(line[i].x - line[i - 1].x), 180);
}

TEST(GreatCircle, ArcsThatDoNotCrossStayWhole) {
    // Mexico City - Luoyang goes over the Pacific too; Berlin - Beijing does not.
    EXPECT_EQ(great_circle_arc({-99.1277, 19.4285}, {112.4536, 34.6836}).size(), 2u);
    EXPECT_EQ(great_circle_arc({13.41, 52.52}, {116.4, 39.9}).size(), 1u);
}
