// Which cities the map shows: creative fields, a year range, city groups (networks), a region.
// A city passes when it is in the region and at least one of its designations passes.
#pragma once
#include <string>
#include <vector>

#include "core/model.h"

namespace atlas {

enum class Region { World, GlobalSouth, Mexico };
const char* region_id(Region r);
bool parse_region(const std::string& id, Region& out);

struct Filter {
    std::vector<bool> fields;    // by Dataset::fields index
    std::vector<bool> networks;  // by Dataset::networks index (city groups only matter)
    int year_from = 0, year_to = 0;
    Region region = Region::World;
    bool include_former = false;
    double until = 1e9;  // the timeline: designations after this year are not shown yet

    static Filter all(const Dataset& d);  // everything current, the full year range
};

struct FilterCounts {
    int visible = 0;
    std::vector<int> by_field;    // cities passing every filter but the field filter, per field
    std::vector<int> by_network;  // cities passing every filter but the network filter, per network
};

// The years the data covers, over all designations.
void year_span(const Dataset& d, int& first, int& last);

bool in_region(const Dataset& d, const City& c, Region r);
bool designation_passes(const Dataset& d, const Filter& f, const Designation& g);
bool city_passes(const Dataset& d, const Filter& f, const City& c);
// Visible city indices (in data order) and the facet counts shown next to the checkboxes.
std::vector<int> visible_cities(const Dataset& d, const Filter& f, FilterCounts* counts = nullptr);

}  // namespace atlas
