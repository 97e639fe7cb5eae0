// The map's look, from the theme (core/theme.h, assets/themes/themes.json): colours of the basemap,
// marker outlines, link halos and clusters. Field and network colours are data too.
#pragma once
#include "core/theme.h"

namespace atlas::render {

struct MapStyle {
    Color background, ocean, land_other, land_south, land_mexico, borders, graticule, marker_outline, link_halo,
        cluster_fill;
    static MapStyle from(const Theme& t) {
        return {t.color("map.background"), t.color("map.ocean"), t.color("map.landOther"), t.color("map.landSouth"),
                t.color("map.landMexico"), t.color("map.borders"), t.color("map.graticule"), t.color("map.markerOutline"),
                t.color("map.linkHalo"), t.color("map.clusterFill")};
    }
};

}  // namespace atlas::render
