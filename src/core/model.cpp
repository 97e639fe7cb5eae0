#include "core/model.h"

#include <algorithm>

namespace atlas {

bool CountryGroup::contains(const std::string& iso2) const {
    return std::binary_search(countries.begin(), countries.end(), iso2);
}

void Dataset::rebuild_index() {
    city_index_.clear();
    for (std::size_t i = 0; i < cities.size(); ++i) city_index_.emplace(cities[i].id, i);
    for (auto& g : country_groups) std::sort(g.countries.begin(), g.countries.end());
}

int Dataset::find_city(const std::string& id) const {
    auto it = city_index_.find(id);
    return it == city_index_.end() ? -1 : int(it->second);
}

int Dataset::find_field(const std::string& key) const {
    for (int i = 0; i < int(fields.size()); ++i)
        if (fields[i].id == key || fields[i].name == key) return i;
    return -1;
}

int Dataset::find_network(const std::string& id) const {
    for (int i = 0; i < int(networks.size()); ++i)
        if (networks[i].id == id) return i;
    return -1;
}

int Dataset::find_tour(const std::string& id) const {
    for (int i = 0; i < int(tours.size()); ++i)
        if (tours[i].id == id) return i;
    return -1;
}

const Network* Dataset::network_of_group(const std::string& group) const {
    for (const auto& n : networks)
        if (n.group == group) return &n;
    return nullptr;
}

const CountryGroup* Dataset::global_south() const {
    for (auto& g : country_groups)
        if (g.id == "global-south") return &g;
    return nullptr;
}

}  // namespace atlas
