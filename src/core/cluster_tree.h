// Keeping dense regions readable at every zoom: close markers are grouped into clusters, which
// show their count and open on click. The groups are built once for all zooms, as supercluster
// builds them: from the finest zoom to the coarsest, each level groups the groups of the level
// finer than it. So clusters nest: zooming in splits a cluster into its own parts, never into
// pieces of its neighbours, and a zoom only picks a level (no clustering work while it moves).
#pragma once
#include <functional>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/ext/vector_int2.hpp>

namespace atlas {

// The most of `cells` (one entry per point: its cell's column and row; any order) in a window of
// 2x2 cells: with half-screen cells, the most points a screenful holds.
int densest_window(const std::vector<glm::ivec2>& cells);

struct Cluster {
    glm::dvec2 center{0};      // projected: the mean of the members
    std::vector<int> members;  // city indices; the first is the seed
};

class ClusterTree {
public:
    struct Options {
        double min_scale = 1;      // screen px per projected unit at zoom 1 (the whole world)
        double max_zoom = 1;       // the deepest zoom, times min_scale
        glm::dvec2 viewport{0};    // px: what "a screenful" is, for the density budget
        // Markers closer than this on screen, at a zoom, are grouped (about a marker's diameter).
        std::function<double(double zoom)> radius_px;
        // The radius of a marker (count 1) or a cluster's disc on screen at a zoom: a cluster whose
        // disc would touch another marker is grouped with it too.
        std::function<double(double zoom, int count)> disc_px;
        // Dense data: where a screenful would still hold more markers than this, the level groups
        // again with a radius half as large again, until it does not or the radius reaches
        // `max_radius_px`. Sparse data never reaches it, so its markers are only kept from overlapping.
        int budget = 250;
        double min_dense_radius_px = 8;  // where the radius is smaller, density starts grouping here
        double max_radius_px = 90;
    };
    static constexpr int kLevelsPerOctave = 2;  // as finely as zooms need, as coarsely as building allows

    ClusterTree() = default;
    // `order`: the cities to group, most important first (they seed groups before the others).
    ClusterTree(const std::vector<glm::dvec2>& positions, const std::vector<int>& order, const Options& options);

    // The level drawn at a zoom (times min_scale): the nearest, so a level is drawn from 2^-1/4 to
    // 2^1/4 times its zoom, and markers apart by its radius stay at least 0.84 of it apart.
    int level(double zoom) const;
    // The markers at a level. A city in `alone` (the selection) is taken out of its group.
    std::vector<Cluster> cut(int level, int alone = -1) const;
    int levels() const { return top_ + 1; }
    std::size_t node_count() const { return nodes_.size(); }

private:
    class Grid;
    static constexpr double kGap = 0.2;  // air between two discs, of a single marker's radius
    struct Node {
        glm::dvec2 center{0};
        int count = 1;        // cities under it: 1 for a leaf, at least 2 for a group
        int first = 0;        // a leaf's city; a group's first child in children_ (the next group's first ends them)
        int seed = 0;         // the leaf it grew from, whose index is its rank (leaves come first, in order)
        int born = 0;         // the level it was formed at (leaves: above the top)
        int parent = -1;
    };  // (40 bytes: 175,000 of them at 100,000 cities)
    // Groups `alive` (node indices, most important first) by `distance` in projected units, or
    // where their discs (`disc` of a count, in projected units) would touch:
    // returns the new alive list, where new nodes born at `level` replace the groups.
    // With `clusters_seed`, only clusters seed groups: after a first pass, single markers are
    // already apart, and only a cluster's grown disc may touch them.
    // `singles`: the single markers of the level's first pass (by node); `taken`: by node.
    std::vector<int> group(const std::vector<int>& alive, double distance, const std::function<double(int)>& disc,
                           int level, bool clusters_seed, const Grid& singles, std::vector<char>& taken);
    // The most markers in a screenful-sized window at a level (windows aligned on half screens).
    int crowding(const std::vector<int>& alive, double scale) const;
    void members(int node, std::vector<int>& out) const;

    std::vector<Node> nodes_;
    std::vector<int> children_;
    int top_ = 0;
    glm::dvec2 viewport_{0};
};

}  // namespace atlas
