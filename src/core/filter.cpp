#include "core/filter.h"

#include <algorithm>
#include <climits>

namespace atlas {

const char* region_id(Region r) {
    switch (r) {
        case Region::GlobalSouth: return "global-south";
        case Region::Mexico: return "mexico";
        default: return "world";
    }
}

bool parse_region(const std::string& id, Region& out) {
    for (Region r : {Region::World, Region::GlobalSouth, Region::Mexico})
        if (id == region_id(r)) {
            out = r;
            return true;
        }
    return false;
}

void year_span(const Dataset& d, int& first, int& last) {
    first = INT_MAX;
    last = INT_MIN;
    for (auto& c : d.cities)
        for (auto& g : c.designations) {
            first = std::min(first, g.year);
            last = std::max(last, g.year);
        }
    if (first > last) first = last = 2004;
}

Filter Filter::all(const Dataset& d) {
    Filter f;
    f.fields.assign(d.fields.size(), true);
    f.networks.assign(d.networks.size(), true);
    year_span(d, f.year_from, f.year_to);
    return f;
}

bool in_region(const Dataset& d, const City& c, Region r) {
    switch (r) {
        case Region::Mexico: return c.country == "MX";
        case Region::GlobalSouth: {
            const CountryGroup* gs = d.global_south();
            return gs && gs->contains(c.country);
        }
        default: return true;
    }
}

namespace {
bool passes(const Filter& f, const Designation& g, bool check_field, bool check_network) {
    if (g.former && !f.include_former) return false;
    if (g.year < f.year_from || g.year > f.year_to || g.year > f.until) return false;
    if (check_network && (g.network < 0 || g.network >= int(f.networks.size()) || !f.networks[g.network])) return false;
    if (check_field && g.field >= 0 && (g.field >= int(f.fields.size()) || !f.fields[g.field])) return false;
    return true;
}
}  // namespace

bool designation_passes(const Dataset&, const Filter& f, const Designation& g) {
    return passes(f, g, true, true);
}

bool city_passes(const Dataset& d, const Filter& f, const City& c) {
    if (!in_region(d, c, f.region)) return false;
    return std::any_of(c.designations.begin(), c.designations.end(),
                       [&](const Designation& g) { return designation_passes(d, f, g); });
}

std::vector<int> visible_cities(const Dataset& d, const Filter& f, FilterCounts* counts) {
    std::vector<int> out;
    if (counts) {
        counts->by_field.assign(d.fields.size(), 0);
        counts->by_network.assign(d.networks.size(), 0);
    }
    std::vector<bool> field_hit(d.fields.size()), network_hit(d.networks.size());
    for (int i = 0; i < int(d.cities.size()); ++i) {
        const City& c = d.cities[i];
        if (!in_region(d, c, f.region)) continue;
        if (city_passes(d, f, c)) out.push_back(i);
        if (!counts) continue;
        std::fill(field_hit.begin(), field_hit.end(), false);
        std::fill(network_hit.begin(), network_hit.end(), false);
        for (auto& g : c.designations) {
            if (g.field >= 0 && passes(f, g, false, true)) field_hit[g.field] = true;
            if (g.network >= 0 && passes(f, g, true, false)) network_hit[g.network] = true;
        }
        for (std::size_t k = 0; k < field_hit.size(); ++k) counts->by_field[k] += field_hit[k];
        for (std::size_t k = 0; k < network_hit.size(); ++k) counts->by_network[k] += network_hit[k];
    }
    if (counts) counts->visible = int(out.size());
    return out;
}

}  // namespace atlas
