#include "core/cluster_tree.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <climits>
#include <utility>

#include <glm/geometric.hpp>

namespace atlas {

namespace {

double level_zoom(int level) { return std::exp2(double(level) / ClusterTree::kLevelsPerOctave); }

// Cells are found by hashing their coordinates into an open-addressed table: the tree asks for
// tens of millions of cells at 100,000 cities, where std::unordered_map's nodes cost several
// times more. A key and its value sit side by side (one cache miss per probe, not two). Most cells
// asked for are empty (a query looks at 4 cells, and at the fine levels a marker's neighbours are
// rarely there): 4 bits per slot, set by another hash of the cells put in, say so without reading
// the table (at 100,000 cities the table is 4 MB, its bits 128 KB).
class CellTable {
public:
    // A cell's points: the grid's entries [first, end). Until `to_runs`, `first` is the cell's index.
    struct Run {
        int first = 0, end = 0;
    };
    explicit CellTable(std::size_t entries) {
        std::size_t size = 16;
        while (size < entries * 2) size *= 2;
        slots_.assign(size, {kEmpty, {}});
        occupied_.assign(size / 16, 0);  // (4 bits per slot, 64 to a word)
    }
    static std::int64_t key(std::int64_t x, std::int64_t y) { return (x << 32) ^ (y & 0xffffffff); }
    // The index of a cell, made (as `fresh`) if it is new.
    int& at(std::int64_t k, int fresh) {
        const std::size_t b = bit(k);
        occupied_[b >> 6] |= std::uint64_t(1) << (b & 63);
        std::size_t i = slot(k);
        while (slots_[i].key != k && slots_[i].key != kEmpty) i = (i + 1) & (slots_.size() - 1);
        if (slots_[i].key == kEmpty) slots_[i] = {k, {fresh, 0}};
        return slots_[i].run.first;
    }
    // Each cell's index c becomes its run, [starts[c], starts[c + 1]): a query then reads the slot
    // and the points, not an array of starts between them (one cache miss less per cell).
    void to_runs(const std::vector<int>& starts) {
        for (Slot& s : slots_)
            if (s.key != kEmpty) s.run = {starts[std::size_t(s.run.first)], starts[std::size_t(s.run.first) + 1]};
    }
    const Run* find(std::int64_t k) const {
        if (const std::size_t b = bit(k); !(occupied_[b >> 6] >> (b & 63) & 1)) return nullptr;
        for (std::size_t i = slot(k);; i = (i + 1) & (slots_.size() - 1)) {
            if (slots_[i].key == k) return &slots_[i].run;
            if (slots_[i].key == kEmpty) return nullptr;
        }
    }

private:
    static constexpr std::int64_t kEmpty = INT64_MIN;  // no cell: coordinates stay far below 2^31
    struct Slot {
        std::int64_t key;
        Run run;
    };
    std::size_t slot(std::int64_t k) const {
        return std::size_t((std::uint64_t(k) * 0x9E3779B97F4A7C15ull) >> 20) & (slots_.size() - 1);
    }
    // Another hash than the slot's, so that the cells of a crowded run of slots spread over the bits.
    std::size_t bit(std::int64_t k) const {
        return std::size_t((std::uint64_t(k) * 0xC2B2AE3D27D4EB4Full) >> 23) & (slots_.size() * 4 - 1);
    }
    std::vector<Slot> slots_;
    std::vector<std::uint64_t> occupied_;  // by bit(): a cell there may be in the table
};

// A grid's cells for seeds that group within `distance` or where two discs come within `touch` of
// each other's centre: twice a seed's usual reach, so that its square touches 4 cells, not 9
// (fewer lookups, the most of the work).
double grid_cell(double distance, double touch) { return 2 * std::max(distance, touch); }

}  // namespace

// A grid of square cells over some points, each cell's points stored side by side with their
// positions: a query reads a few short runs of memory instead of chasing a list through the
// whole point set.
class ClusterTree::Grid {
public:
    struct Point {
        glm::dvec2 at;
        int id;  // what the caller knows the point by
    };
    Grid(double cell, const std::vector<Point>& points) : cell_(std::max(cell, 1e-12)), cells_(points.size()) {
        std::vector<int> cell_index(points.size());
        std::vector<int> starts;  // by cell index: where its run starts in entries_ (and one past the last)
        starts.reserve(points.size() + 1);
        for (std::size_t k = 0; k < points.size(); ++k) {
            int& c = cells_.at(key_of(points[k].at), -1);
            if (c < 0) c = int(starts.size()), starts.push_back(0);
            ++starts[std::size_t(c)];
            cell_index[k] = c;
        }
        int sum = 0;  // counts -> where each cell's run ends; filling moves each end back to its start
        for (int& b : starts) sum += b, b = sum;
        starts.push_back(sum);
        entries_.resize(points.size());
        for (std::size_t k = points.size(); k-- > 0;) entries_[std::size_t(--starts[std::size_t(cell_index[k])])] = points[k];
        cells_.to_runs(starts);
    }
    // Calls f(id, position) for each point in the cells that the square of half-side `reach`
    // around p touches (a cell's points in the order they were given).
    template <class F>
    void near(glm::dvec2 p, double reach, F f) const {
        if (entries_.empty()) return;
        const std::int64_t x1 = cell_of(p.x + reach), y0 = cell_of(p.y - reach), y1 = cell_of(p.y + reach);
        for (std::int64_t x = cell_of(p.x - reach); x <= x1; ++x)
            for (std::int64_t y = y0; y <= y1; ++y)
                if (const CellTable::Run* run = cells_.find(CellTable::key(x, y)))
                    for (int i = run->first; i < run->end; ++i) f(entries_[std::size_t(i)].id, entries_[std::size_t(i)].at);
    }

private:
    std::int64_t cell_of(double x) const { return std::int64_t(std::floor(x / cell_)); }
    std::int64_t key_of(glm::dvec2 p) const { return CellTable::key(cell_of(p.x), cell_of(p.y)); }
    double cell_;
    CellTable cells_;  // cell -> its run of entries_
    std::vector<Point> entries_;
};

ClusterTree::ClusterTree(const std::vector<glm::dvec2>& positions, const std::vector<int>& order, const Options& o)
    : viewport_(o.viewport) {
    top_ = std::max(0, int(std::ceil(kLevelsPerOctave * std::log2(std::max(o.max_zoom, 1.0)))));
    nodes_.reserve(order.size() * 2);
    std::vector<int> alive;
    alive.reserve(order.size());
    for (int city : order) {
        const int id = int(nodes_.size());
        nodes_.push_back({positions[city], 1, city, id, top_ + 1});
        alive.push_back(id);
    }
    std::vector<char> taken;  // by node: grouped in this level's passes (group)
    double dense_radius = 0;  // px: where density made a finer level group wider, coarser ones start there
    for (int level = top_; level >= 0; --level) {
        const double zoom = level_zoom(level), scale = o.min_scale * zoom;
        double radius = std::max(o.radius_px ? o.radius_px(zoom) : 0.0, dense_radius);
        auto disc = [&](int count) { return o.disc_px ? o.disc_px(zoom, count) / scale : 0.0; };
        // A pass, then up to two more while new clusters grew discs that touch their neighbours.
        // Single markers stay where they are through the passes and only clusters seed after the
        // first: the grid of the singles is made once for them all.
        auto passes = [&] {
            const double distance = radius / scale, single = disc(1);
            std::vector<Grid::Point> singles;
            singles.reserve(alive.size());
            for (int n : alive)
                if (nodes_[n].count == 1) singles.push_back({nodes_[n].center, n});
            const Grid singles_grid(grid_cell(distance, 2 * single + single * kGap), singles);
            std::vector<Grid::Point>().swap(singles);  // (the grid has them: not held through the passes too)
            std::size_t before = alive.size();
            alive = group(alive, distance, disc, level, false, singles_grid, taken);
            for (int again = 0; again < 2 && alive.size() < before; ++again)
                before = alive.size(), alive = group(alive, distance, disc, level, true, singles_grid, taken);
        };
        passes();
        while (int(alive.size()) > o.budget && radius < o.max_radius_px && crowding(alive, scale) > o.budget) {
            radius = std::min(std::max(radius * 1.5, o.min_dense_radius_px), o.max_radius_px);
            passes();
            dense_radius = radius;
        }
    }
}

std::vector<int> ClusterTree::group(const std::vector<int>& alive, double distance,
                                    const std::function<double(int)>& disc, int level, bool clusters_seed,
                                    const Grid& singles, std::vector<char>& taken) {
    if (alive.size() < 2) return alive;
    // Each node's disc. Singles and clusters are in two grids: a single's cells are as small as the
    // radius and a marker allow, and only the fewer clusters need cells as wide as the widest disc.
    const double single = disc(1), gap = single * kGap;  // air between two discs
    std::vector<double> r(alive.size(), single);
    std::vector<Grid::Point> cluster_points;
    double widest = single;
    for (std::size_t s = 0; s < alive.size(); ++s) {
        const Node& n = nodes_[alive[s]];
        if (n.count > 1) widest = std::max(widest, r[s] = disc(n.count)), cluster_points.push_back({n.center, int(s)});
    }
    if (std::max(distance, 2 * widest) <= 0) return alive;
    const Grid clusters(grid_cell(distance, 2 * widest + gap), cluster_points);
    // The singles' grid holds those of the level's first pass: the ones grouped since are taken.
    taken.resize(nodes_.size());
    for (int n : alive) taken[n] = 0;
    std::vector<int> next, parts;
    // Takes every free marker near p that a marker there of radius `rp` (`lone`: a single) groups with:
    // closer than the radius, or a cluster's disc that would touch the other marker.
    auto take_near = [&](glm::dvec2 p, double rp, bool lone) {
        const double to_single = lone ? distance : std::max(distance, rp + single + gap);
        singles.near(p, to_single, [&](int n, glm::dvec2 q) {
            if (glm::dot(q - p, q - p) < to_single * to_single && !taken[n]) taken[n] = 1, parts.push_back(n);
        });
        clusters.near(p, std::max(distance, rp + widest + gap), [&](int t, glm::dvec2 q) {
            const double reach = std::max(distance, rp + r[t] + gap);
            if (glm::dot(q - p, q - p) < reach * reach && !taken[alive[t]]) taken[alive[t]] = 1, parts.push_back(alive[t]);
        });
    };
    next.reserve(alive.size());
    for (std::size_t s = 0; s < alive.size(); ++s) {
        const int seed = alive[s];
        if (taken[seed]) continue;
        if (clusters_seed && nodes_[seed].count == 1) {  // kept in order; a cluster may take it yet
            next.push_back(-1 - int(s));
            continue;
        }
        taken[seed] = 1;
        parts.assign(1, seed);
        take_near(nodes_[seed].center, r[s], nodes_[seed].count == 1);
        if (parts.size() == 1) {
            next.push_back(seed);
            continue;
        }
        // The new cluster (its centre: the mean of its cities) has a larger disc than its parts': it
        // takes in the markers it would touch.
        Node group;
        group.born = level;
        group.seed = nodes_[parts[0]].seed;
        group.count = 0;
        glm::dvec2 weighted{0};
        auto weigh = [&](std::size_t from) {
            for (std::size_t k = from; k < parts.size(); ++k)
                group.count += nodes_[parts[k]].count, weighted += nodes_[parts[k]].center * double(nodes_[parts[k]].count);
        };
        weigh(0);
        const std::size_t before = parts.size();
        take_near(weighted / double(group.count), disc(group.count), false);
        weigh(before);
        group.center = weighted / double(group.count);
        group.first = int(children_.size());
        const int id = int(nodes_.size());
        for (int p : parts) nodes_[p].parent = id, children_.push_back(p);
        nodes_.push_back(group);
        next.push_back(id);
    }
    if (clusters_seed) {  // the singles no cluster took
        std::size_t kept = 0;
        for (int n : next)
            if (n >= 0) next[kept++] = n;
            else if (!taken[alive[std::size_t(-1 - n)]]) next[kept++] = alive[std::size_t(-1 - n)];
        next.resize(kept);
    }
    return next;
}

int densest_window(const std::vector<glm::ivec2>& cells) {
    // As keys that sort by column, then row: a column's points are then a run, sorted by row, and
    // a window spans a column's run and the next column's. No table of windows: at 100,000 cities
    // one took 8 MB, which the web's memory keeps for good.
    auto biased = [](int v) { return std::uint64_t(std::uint32_t(v) ^ 0x80000000u); };  // order kept
    std::vector<std::uint64_t> keys(cells.size());
    for (std::size_t k = 0; k < cells.size(); ++k) keys[k] = biased(cells[k].x) << 32 | biased(cells[k].y);
    std::sort(keys.begin(), keys.end());
    const auto column = [](std::uint64_t key) { return key >> 32; };
    const auto row = [](std::uint64_t key) { return key & 0xffffffffu; };
    int most = 0;
    std::vector<std::uint64_t> rows;  // two neighbouring columns' rows, merged (sorted)
    for (std::size_t first = 0, next = 0; first < keys.size(); first = next) {
        while (next < keys.size() && column(keys[next]) == column(keys[first])) ++next;
        std::size_t end = next;
        while (end < keys.size() && column(keys[end]) == column(keys[first]) + 1) ++end;
        rows.clear();
        std::merge(keys.begin() + std::ptrdiff_t(first), keys.begin() + std::ptrdiff_t(next), keys.begin() + std::ptrdiff_t(next),
                   keys.begin() + std::ptrdiff_t(end), std::back_inserter(rows),
                   [&](std::uint64_t a, std::uint64_t b) { return row(a) < row(b); });
        for (std::size_t top = 0, below = 0; top < rows.size(); ++top) {  // rows row(top) and the one after it
            while (below < rows.size() && row(rows[below]) <= row(rows[top]) + 1) ++below;
            most = std::max(most, int(below - top));
        }
    }
    return most;
}

int ClusterTree::crowding(const std::vector<int>& alive, double scale) const {
    const glm::dvec2 cell = viewport_ * 0.5 / scale;
    if (cell.x <= 0 || cell.y <= 0) return 0;
    std::vector<glm::ivec2> cells;
    cells.reserve(alive.size());
    for (int a : alive) cells.emplace_back(glm::floor(nodes_[a].center / cell));
    return densest_window(cells);
}

int ClusterTree::level(double zoom) const {
    const int l = int(std::lround(kLevelsPerOctave * std::log2(std::max(zoom, 1.0))));
    return std::clamp(l, 0, top_);
}

void ClusterTree::members(int node, std::vector<int>& out) const {
    const Node& n = nodes_[node];
    if (n.count == 1) {
        out.push_back(n.first);
        return;
    }
    const int end = node + 1 < int(nodes_.size()) ? nodes_[std::size_t(node) + 1].first : int(children_.size());
    for (int c = n.first; c < end; ++c) members(children_[std::size_t(c)], out);
}

std::vector<Cluster> ClusterTree::cut(int level, int alone) const {
    const auto leaf = alone < 0 ? nodes_.end()
                                : std::find_if(nodes_.begin(), nodes_.end(), [&](const Node& n) { return n.count == 1 && n.first == alone; });
    if (leaf == nodes_.end()) alone = -1;
    // A node is drawn at `level` if it was formed at that level or a finer one, and its parent
    // (if any) only at a coarser one. The nodes drawn, with the rank of each one's seed: the most
    // important first. (Ordered before their members are gathered, and counted first: the web's
    // memory keeps its highest level, and markers held twice, or a vector's old and new room held
    // together as it grew, set it during a zoom.)
    const auto drawn = [&](const Node& n) {
        return !(n.born < level || (n.parent >= 0 && nodes_[n.parent].born >= level)) && !(n.count == 1 && n.first == alone);
    };
    std::vector<std::pair<int, int>> order;  // (seed's rank, node)
    order.reserve(std::size_t(std::count_if(nodes_.begin(), nodes_.end(), drawn)));
    for (int i = 0; i < int(nodes_.size()); ++i)
        if (drawn(nodes_[i])) order.push_back({nodes_[i].seed, i});
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Cluster> markers;
    markers.reserve(order.size() + (alone >= 0));
    if (alone >= 0) markers.push_back({leaf->center, {alone}});
    for (const auto& [seed, i] : order) {
        const Node& n = nodes_[std::size_t(i)];
        Cluster c{n.center, {}};
        c.members.reserve(std::size_t(n.count));
        members(i, c.members);
        if (alone >= 0 && n.count > 1) {
            const auto at = std::find(c.members.begin(), c.members.end(), alone);
            if (at != c.members.end()) {  // the selection stands alone: its group closes up without it
                c.members.erase(at);
                c.center = (n.center * double(n.count) - leaf->center) / double(n.count - 1);
            }
        }
        markers.push_back(std::move(c));
    }
    return markers;
}

}  // namespace atlas
