# The application: ImGui, SDL2, GL, the renderer, the panels and one platform layer.

# --- assets: the data files, plus the basemap and font made at build time from packages ---
set(ASSETS_OUT "${CMAKE_BINARY_DIR}/assets")
file(GLOB DATA_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/assets/data/*.json")
set(FONT_SRC "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
find_program(NODE node REQUIRED)
find_program(PYFTSUBSET pyftsubset REQUIRED)
find_program(PYTHON3 python3 REQUIRED)
add_custom_command(OUTPUT "${ASSETS_OUT}/basemap-110m.bin" "${ASSETS_OUT}/basemap-50m.bin"
  COMMAND "${NODE}" "${CMAKE_SOURCE_DIR}/tools/build_basemap.mjs" "${ASSETS_OUT}"
  DEPENDS "${CMAKE_SOURCE_DIR}/tools/build_basemap.mjs" "${CMAKE_SOURCE_DIR}/package-lock.json"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}" COMMENT "Building the basemap from world-atlas")
# Latin, Latin Extended and Additional (Querétaro, São Paulo, Kraków, Łódź, Hà Nội, Ṭāʼif), a few symbols.
# Without the OpenType layout tables (kerning, ligatures, mark positioning): ImGui's stb_truetype
# reads none of them (nor the MATH table), and they were 8 KB of the download (gzip).
add_custom_command(OUTPUT "${ASSETS_OUT}/fonts/DejaVuSans-latin.ttf"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${ASSETS_OUT}/fonts"
  COMMAND "${PYFTSUBSET}" "${FONT_SRC}" --unicodes=U+0020-036F,U+1E00-1EFF,U+2013-2014,U+2018-201E,U+2022,U+2026,U+202F,U+2190-2199,U+25A0-25CF
          --no-hinting --desubroutinize --layout-features= --drop-tables+=GPOS,GSUB,GDEF,kern,MATH
          --output-file="${ASSETS_OUT}/fonts/DejaVuSans-latin.ttf"
  DEPENDS "${FONT_SRC}" COMMENT "Subsetting DejaVu Sans")
# Copies files into a folder of the assets (JSON without its whitespace: tools/compact_json.py);
# the copies' paths go into out_var.
function(copy_to_assets subdir out_var)
  set(outputs "")
  foreach(f ${ARGN})
    get_filename_component(name "${f}" NAME)
    set(out "${ASSETS_OUT}/${subdir}/${name}")
    if(name MATCHES "\\.json$")
      add_custom_command(OUTPUT "${out}" COMMAND ${CMAKE_COMMAND} -E make_directory "${ASSETS_OUT}/${subdir}"
        COMMAND "${PYTHON3}" "${CMAKE_SOURCE_DIR}/tools/compact_json.py" "${f}" "${out}"
        DEPENDS "${f}" "${CMAKE_SOURCE_DIR}/tools/compact_json.py")
    else()
      add_custom_command(OUTPUT "${out}" COMMAND ${CMAKE_COMMAND} -E copy "${f}" "${out}" DEPENDS "${f}")
    endif()
    list(APPEND outputs "${out}")
  endforeach()
  set(${out_var} ${outputs} PARENT_SCOPE)
endfunction()
file(GLOB SHADER_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/shaders/*")
copy_to_assets(data DATA_OUT ${DATA_FILES})
copy_to_assets(shaders SHADERS_OUT ${SHADER_FILES})
file(GLOB I18N_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/assets/i18n/*.json")
copy_to_assets(i18n I18N_OUT ${I18N_FILES})
file(GLOB TOUR_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/assets/tours/*.json")
copy_to_assets(tours TOURS_OUT ${TOUR_FILES})
copy_to_assets(themes THEMES_OUT "${CMAKE_SOURCE_DIR}/assets/themes/themes.json")
# Country names in every language of the app, for the countries the data names (CLDR via npm).
add_custom_command(OUTPUT "${ASSETS_OUT}/i18n/countries.json"
  COMMAND "${NODE}" "${CMAKE_SOURCE_DIR}/tools/build_country_names.mjs" "${CMAKE_SOURCE_DIR}/assets/data"
          "${CMAKE_SOURCE_DIR}/assets/i18n" "${ASSETS_OUT}/i18n"
  DEPENDS "${CMAKE_SOURCE_DIR}/tools/build_country_names.mjs" "${CMAKE_SOURCE_DIR}/package-lock.json"
          "${CMAKE_SOURCE_DIR}/assets/data/cities.json" "${CMAKE_SOURCE_DIR}/assets/i18n/languages.json"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}" COMMENT "Country names from i18n-iso-countries")
set(ASSET_FILES "${ASSETS_OUT}/basemap-110m.bin" "${ASSETS_OUT}/basemap-50m.bin" "${ASSETS_OUT}/fonts/DejaVuSans-latin.ttf"
  ${DATA_OUT} ${SHADERS_OUT} ${I18N_OUT} ${TOURS_OUT} ${THEMES_OUT} "${ASSETS_OUT}/i18n/countries.json")
add_custom_target(atlas_assets DEPENDS ${ASSET_FILES})

# --- Dear ImGui, one configuration for both builds ---
add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp ${IMGUI_DIR}/backends/imgui_impl_sdl.cpp
  ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
target_compile_options(imgui PRIVATE -w)  # third-party code: its warnings are not ours to fix

# --- SDL2 and GL, by platform ---
if(EMSCRIPTEN)
  set(SDL2_WASM "${ATLAS_DEPS_DIR}/sdl2-wasm")
  if(NOT EXISTS "${SDL2_WASM}/lib/libSDL2.a")
    message(FATAL_ERROR "SDL2 for wasm not built: run scripts/setup.sh web")
  endif()
  add_library(sdl2 INTERFACE)
  # Linked by path: a plain prefix search would find Emscripten's SDL2 shim, which needs the network.
  target_include_directories(sdl2 SYSTEM INTERFACE "${SDL2_WASM}/include" "${SDL2_WASM}/include/SDL2")
  target_link_libraries(sdl2 INTERFACE "${SDL2_WASM}/lib/libSDL2.a")
  target_compile_definitions(imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
  set(PLATFORM_SOURCES src/platform/web/platform_web.cpp)
else()
  find_package(SDL2 REQUIRED)
  find_package(OpenGL REQUIRED)
  find_package(PkgConfig REQUIRED)
  add_library(sdl2 INTERFACE)
  target_link_libraries(sdl2 INTERFACE SDL2::SDL2 OpenGL::GL)
  find_library(STB_LIBRARY stb REQUIRED)  # Debian libstb-dev, for PNG screenshots
  # ImGui's backend takes the GL functions from our GL header (libGL), not from its embedded
  # loader: 1.86's loader writes one pointer past its table (UBSan: index 53 out of bounds for
  # GL3WglProc[53]; fixed upstream in 1.87) and opens libGL again at every backend start.
  target_compile_definitions(imgui PRIVATE IMGUI_IMPL_OPENGL_LOADER_CUSTOM)
  set_source_files_properties(${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp PROPERTIES
    COMPILE_OPTIONS "-include;${CMAKE_SOURCE_DIR}/src/platform/gl.h")
  set(PLATFORM_SOURCES src/platform/native/platform_native.cpp src/platform/native/screenshot.cpp
                       src/platform/native/soak.cpp)
endif()
target_link_libraries(imgui PUBLIC sdl2)

add_executable(atlas
  src/app/main.cpp src/app/app.cpp src/app/font_texture.cpp src/app/accessible.cpp src/app/check_data.cpp
  src/render/shader.cpp src/render/basemap_layer.cpp src/render/marker_layer.cpp src/render/link_layer.cpp src/render/instanced_quad.cpp src/render/offscreen.cpp src/render/raster_cache.cpp
  src/render/map_renderer.cpp
  src/ui/style.cpp src/ui/filters_panel.cpp src/ui/details_panel.cpp src/ui/legend_panel.cpp
  src/ui/map_overlay.cpp src/ui/data_problems_panel.cpp src/ui/about_data_panel.cpp
  src/ui/links_panel.cpp src/ui/timeline_panel.cpp src/ui/networks_panel.cpp src/ui/statistics_panel.cpp
  src/ui/link_notices_panel.cpp src/ui/search_panel.cpp src/ui/embed_panel.cpp src/ui/export_card.cpp
  src/ui/tours_panel.cpp src/ui/kiosk_overlay.cpp src/ui/map_controls.cpp src/ui/sheet.cpp
  src/platform/sdl_window.cpp ${PLATFORM_SOURCES})
target_precompile_headers(atlas PRIVATE ${ATLAS_PRECOMPILED})
target_link_libraries(atlas PRIVATE atlas_core imgui sdl2 $<$<NOT:$<BOOL:${EMSCRIPTEN}>>:${STB_LIBRARY}>)
add_dependencies(atlas atlas_assets)
if(NOT EMSCRIPTEN)
  target_compile_options(atlas PRIVATE -Wall -Wextra)
  set_target_properties(atlas PROPERTIES OUTPUT_NAME atlas)
  # The kiosk memory benchmark's floor: the same GL and window system, none of the app (bench/kiosk/).
  add_executable(atlas_bare_window bench/kiosk/bare_window.cpp)
  target_link_libraries(atlas_bare_window PRIVATE sdl2)
  target_compile_options(atlas_bare_window PRIVATE -Wall -Wextra)
else()
  set(WEB_FLAGS
    # The link's own optimisation level: wasm-opt's size passes and a minified loader (the
    # compile's -Os alone leaves both out).
    -Oz
    -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
    # No WebGL extension is used: asking the browser for each of them at start-up took 37 ms.
    -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sGL_SUPPORT_SIMPLE_ENABLE_EXTENSIONS=0
    # The page's check for WebGL 2 makes the map's context (web/index.html): one context, not two.
    -sGL_PREINITIALIZED_CONTEXT=1
    # Memory as the page needs it, grown to the size asked and no more (WebAssembly memory never
    # shrinks, so what a growth step adds beyond the need stays for good), from 1 MB: the bundled
    # data, the fonts and the detailed basemap's peak take 3.6 MB (the default 16 MB and its 5 MB
    # stack sat mostly empty; a start at 4 MB kept 0.4 MB that nothing used). The stack: the
    # deepest seen is 15.7 KB (the web tests, 100,000 cities, the bad-data corpus, a file nested
    # 5,000 deep, tours, exports), so 64 KB; it is painted at start-up and the web tests hold its
    # deepest use under half (frameStats().stack, tests/web/harness.mjs). 256 KB until 4 December
    # 2026: the heap starts after the stack, so each 64 KB less is a 64 KB page less in the end.
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=1MB -sTOTAL_STACK=64KB -sMEMORY_GROWTH_GEOMETRIC_STEP=0
    # wasm-opt inlines every function that has one caller, however large: App::frame grew to 64 KB
    # and main to 28 KB, with every cold path they reach. The browser compiles a function whole at
    # its first call, on the main thread, and again optimised once it runs hot: start-up compiled
    # what it never ran, twice. One-caller functions of more than 40 bytes stay functions (measured
    # at 400 cities, slow machine, 6 interleaved runs: map-ready 1,513 -> 1,319 ms, background
    # compiling 870 -> 710 ms; the wasm 10 KB larger raw, 0.7 KB smaller gzip-compressed).
    -sBINARYEN_EXTRA_PASSES=--one-caller-inline-max-function-size=40
    -sENVIRONMENT=web -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8,HEAPU8
    -sEXPORTED_FUNCTIONS=_main,_malloc,_free -sINVOKE_RUN=1
    # Numbers through core/decimal.h first (platform_web.cpp): musl's strtod emulates long doubles.
    -Wl,--wrap=strtod
    "--preload-file" "${ASSETS_OUT}@/assets"
    # The detailed basemap is fetched after the first frame (web/atlas_api.js), not preloaded.
    "--exclude-file" "${ASSETS_OUT}/basemap-50m.bin*"
    # (SHELL: keeps both: CMake would merge the repeated --post-js into one)
    "SHELL:--post-js ${CMAKE_SOURCE_DIR}/web/atlas_api.js" "SHELL:--post-js ${CMAKE_SOURCE_DIR}/web/mirror.js"
    "SHELL:--post-js ${CMAKE_SOURCE_DIR}/web/map_pictures.js" "SHELL:--post-js ${CMAKE_SOURCE_DIR}/web/gl_state_cache.js"
    $<$<BOOL:${ATLAS_WEB_PROFILING}>:--profiling-funcs>)
  target_link_options(atlas PRIVATE ${WEB_FLAGS})
  # The assets too: the link packs them into atlas.data, so a changed data file must pack again.
  set_target_properties(atlas PROPERTIES SUFFIX ".js"
    LINK_DEPENDS "${ASSET_FILES};${CMAKE_SOURCE_DIR}/web/atlas_api.js;${CMAKE_SOURCE_DIR}/web/mirror.js;${CMAKE_SOURCE_DIR}/web/map_pictures.js;${CMAKE_SOURCE_DIR}/web/gl_state_cache.js;${CMAKE_SOURCE_DIR}/web/index.html;${CMAKE_SOURCE_DIR}/web/console.html;${CMAKE_SOURCE_DIR}/tools/city_list.mjs")
  # The page and its compressed twins (served as-is by scripts/run.sh). Zopfli (Debian's
  # zopfli) writes gzip that any browser reads, 4.6 % smaller than gzip -9 for what the first frame
  # waits for (27 KB of 597; 7 s more at each link); gzip -9 where it is not installed.
  find_program(ZOPFLI zopfli)
  if(ZOPFLI)
    set(ATLAS_GZIP "${ZOPFLI}")
  else()
    message(STATUS "zopfli not found: the compressed twins are made with gzip -9 (scripts/setup.sh installs it)")
    set(ATLAS_GZIP gzip -9 -k -f)
  endif()
  # What the server sends compressed (the twins below).
  set(ATLAS_SERVED atlas.js atlas.wasm atlas.data index.html console.html webm-muxer.js files.json
                   cities.en.html cities.es.html cities.fr.html assets/basemap-50m.bin)
  add_custom_command(TARGET atlas POST_BUILD
    # The loader compressed and its local names shortened (npm terser): Emscripten's -Oz only takes
    # its whitespace out. 257 -> 195 KB, 60 -> 51 KB gzip -9, all before the first frame.
    COMMAND "${NODE}" "${CMAKE_SOURCE_DIR}/node_modules/terser/bin/terser" atlas.js --compress passes=2 --mangle -o atlas.js
    COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_SOURCE_DIR}/web/index.html" "${CMAKE_SOURCE_DIR}/web/console.html" "${CMAKE_BINARY_DIR}/"
    # The WebM writer for video export (npm webm-muxer, MIT), loaded by the page only when recording.
    COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_SOURCE_DIR}/node_modules/webm-muxer/build/webm-muxer.js" "${CMAKE_BINARY_DIR}/"
    COMMAND "${NODE}" "${CMAKE_SOURCE_DIR}/tools/web_manifest.mjs" "${CMAKE_BINARY_DIR}"
    # The cities as plain pages, for browsers without JavaScript, WebGL 2 or WebAssembly.
    COMMAND "${NODE}" "${CMAKE_SOURCE_DIR}/tools/city_list.mjs" "${ASSETS_OUT}" "${CMAKE_BINARY_DIR}"
    COMMAND ${ATLAS_GZIP} ${ATLAS_SERVED}
    # Brotli twins too (node's zlib): 14 % smaller than the gzip ones, for about 4 s more.
    COMMAND "${NODE}" "${CMAKE_SOURCE_DIR}/tools/brotli_twins.mjs" ${ATLAS_SERVED}
    WORKING_DIRECTORY "${CMAKE_BINARY_DIR}")
endif()
