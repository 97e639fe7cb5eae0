// Members per year for the Statistics panel: for every year, how many cities of each series
// (creative field, or another city group such as the World Heritage cities) had been designated
// by then, under the current filters except the year range and the timeline.
#pragma once
#include <string>
#include <vector>

#include "core/filter.h"
#include "core/model.h"

namespace atlas {

struct Series {
    std::string name;
    Color color;
    int field = -1, network = -1;  // a creative field, or a non-creative city group
};

struct MembersPerYear {
    int first_year = 0, last_year = 0;
    std::vector<Series> series;
    std::vector<std::vector<int>> cumulative;  // [year - first_year][series]
    int total(int year) const;                 // all series at `year` (a city may count in two)
};

MembersPerYear members_per_year(const Dataset& d, const Filter& f);

}  // namespace atlas
