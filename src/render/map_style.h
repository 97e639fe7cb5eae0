// The map's look: colours of the basemap, sizes of markers. Field and network colours are data.
#pragma once
#include "core/model.h"

namespace atlas::render {

struct MapStyle {
    Color background{0.93f, 0.94f, 0.95f, 1};   // outside the map's outline
    Color ocean{0.80f, 0.87f, 0.92f, 1};
    Color land_other{0.94f, 0.93f, 0.91f, 1};
    Color land_south{0.99f, 0.90f, 0.74f, 1};   // Global South
    Color land_mexico{0.98f, 0.82f, 0.62f, 1};  // Mexico, the centre of the story
    Color borders{0.55f, 0.55f, 0.58f, 1};
    Color graticule{0.70f, 0.78f, 0.85f, 1};
    Color marker_outline{0.12f, 0.12f, 0.14f, 1};
    Color link_halo{1, 1, 1, 0.75f};
    Color cluster_fill{0.24f, 0.27f, 0.36f, 1};
};

}  // namespace atlas::render
