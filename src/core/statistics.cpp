#include "core/statistics.h"

#include <algorithm>

namespace atlas {

int MembersPerYear::total(int year) const {
    if (year < first_year || year > last_year) return 0;
    int n = 0;
    for (int v : cumulative[year - first_year]) n += v;
    return n;
}

MembersPerYear members_per_year(const Dataset& d, const Filter& filter) {
    MembersPerYear m;
    year_span(d, m.first_year, m.last_year);
    for (int k = 0; k < int(d.fields.size()); ++k) m.series.push_back({d.fields[k].name, d.fields[k].color, k, -1});
    for (int n = 0; n < int(d.networks.size()); ++n)
        if (d.networks[n].is_city_group() && d.networks[n].group != "creative")
            m.series.push_back({d.networks[n].name, d.networks[n].color, -1, n});
    Filter f = filter;  // all years: the chart shows the whole story
    f.year_from = m.first_year;
    f.year_to = m.last_year;
    f.until = 1e9;
    const int years = m.last_year - m.first_year + 1;
    std::vector<std::vector<int>> added(years, std::vector<int>(m.series.size(), 0));
    for (const auto& c : d.cities) {
        if (!in_region(d, c, f.region)) continue;
        for (std::size_t s = 0; s < m.series.size(); ++s) {
            int first = 1 << 30;  // a city counts once per series, from its first designation in it
            for (const auto& g : c.designations) {
                const bool in_series = m.series[s].field >= 0 ? g.field == m.series[s].field : g.network == m.series[s].network;
                if (in_series && designation_passes(d, f, g)) first = std::min(first, g.year);
            }
            if (first != 1 << 30) ++added[first - m.first_year][s];
        }
    }
    m.cumulative = added;
    for (int y = 1; y < years; ++y)
        for (std::size_t s = 0; s < m.series.size(); ++s) m.cumulative[y][s] += m.cumulative[y - 1][s];
    return m;
}

}  // namespace atlas
