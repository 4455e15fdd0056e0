# SPDX-License-Identifier: MIT
#
# Debian packages: `cpack -G DEB` in a release build makes notify-tray,
# notify-server and notify-cli (one component each), with man pages
# (help2man, from each program's --help), the changelog and the copyright
# file Debian asks for, and dependencies computed by dpkg-shlibdeps.
# docs/PACKAGING.md says how, and what lintian says of them.

find_program(NOTIFY_HELP2MAN help2man)
find_program(NOTIFY_GZIP gzip REQUIRED)

set(notify_pkg_dir ${PROJECT_SOURCE_DIR}/packaging)
set(notify_pkg_out ${CMAKE_BINARY_DIR}/packaging)

# changelog.gz: gzip -9n, so that the package does not change with the build time.
add_custom_command(OUTPUT ${notify_pkg_out}/changelog.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${notify_pkg_out}
    COMMAND ${NOTIFY_GZIP} -9nc ${notify_pkg_dir}/changelog > ${notify_pkg_out}/changelog.gz
    DEPENDS ${notify_pkg_dir}/changelog
    VERBATIM)
set(notify_pkg_files ${notify_pkg_out}/changelog.gz)

# notify_man_page(<target> <component> "<one-line description>")
function(notify_man_page target component name)
    if(NOT NOTIFY_HELP2MAN)
        return()
    endif()
    set(page ${notify_pkg_out}/${target}.1)
    add_custom_command(OUTPUT ${page}.gz
        COMMAND ${CMAKE_COMMAND} -E make_directory ${notify_pkg_out}
        # Each prints its help and version on stdout without a display (the
        # tray too); stderr stays out, so no warning ever lands in a page.
        COMMAND ${CMAKE_COMMAND} -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY --unset=QT_QPA_PLATFORM
                ${NOTIFY_HELP2MAN} --no-info --section=1 --name=${name}
                --version-string=${PROJECT_VERSION} --include=${notify_pkg_dir}/${target}.h2m
                --output=${page} $<TARGET_FILE:${target}>
        COMMAND ${NOTIFY_GZIP} -9nf ${page}
        DEPENDS ${target} ${notify_pkg_dir}/${target}.h2m
        VERBATIM)
    set(notify_pkg_files ${notify_pkg_files} ${page}.gz PARENT_SCOPE)
    install(FILES ${page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT ${component})
endfunction()

notify_man_page(notify-tray tray "desktop notifications from a Server-Sent Events stream")
notify_man_page(notify-server server "Server-Sent Events and REST server for notify")
notify_man_page(notify-cli cli "terminal client for notify's Server-Sent Events")
# The icon as PNGs at the hicolor sizes, next to the scalable SVG.
set(notify_icon_sizes 16 22 24 32 48 64 128 256)
qt_add_executable(notify_render_icons ${notify_pkg_dir}/render-icons.cpp)
target_link_libraries(notify_render_icons PRIVATE Qt6::Gui Qt6::Svg Notify::BuildSettings)
set(notify_icon_pngs)
foreach(size IN LISTS notify_icon_sizes)
    list(APPEND notify_icon_pngs ${notify_pkg_out}/icons/${size}x${size}/apps/notify-tray.png)
    install(FILES ${notify_pkg_out}/icons/${size}x${size}/apps/notify-tray.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps COMPONENT tray)
endforeach()
add_custom_command(OUTPUT ${notify_icon_pngs}
    COMMAND notify_render_icons ${PROJECT_SOURCE_DIR}/resources/icons/app.svg ${notify_pkg_out}/icons
            ${notify_icon_sizes}
    DEPENDS notify_render_icons ${PROJECT_SOURCE_DIR}/resources/icons/app.svg
    VERBATIM)
list(APPEND notify_pkg_files ${notify_icon_pngs})
add_custom_target(notify_package_files ALL DEPENDS ${notify_pkg_files})

foreach(component IN ITEMS tray server cli)
    install(FILES ${notify_pkg_dir}/copyright ${notify_pkg_out}/changelog.gz
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/notify-${component} COMPONENT ${component})
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME notify)
set(CPACK_PACKAGE_VENDOR "The notify authors")
set(CPACK_PACKAGE_CONTACT "Notify Maintainers <maintainers@notify.example.org>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL tray server cli)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://notify.example.org/")

set(CPACK_DEBIAN_TRAY_PACKAGE_NAME notify-tray)
set(CPACK_DEBIAN_TRAY_PACKAGE_SECTION net)
# Loaded as plugins, so dpkg-shlibdeps cannot see them: the history is SQLite.
set(CPACK_DEBIAN_TRAY_PACKAGE_DEPENDS "libqt6sql6-sqlite")
# The tray needs a notification daemon and a keyring to be at its best, not to run.
set(CPACK_DEBIAN_TRAY_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_TRAY_PACKAGE_SUGGESTS "notify-server")
set(CPACK_DEBIAN_TRAY_DESCRIPTION "desktop notifications from a Server-Sent Events stream
 notify-tray sits in the system tray and shows, the moment they happen, the
 notifications, order status changes, messages and presence of colleagues
 that a notify server or a Django backend streams as Server-Sent Events.
 It raises desktop alerts, reconnects by itself and resumes where it left
 off, so that nothing is missed or shown twice.")

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME notify-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite") # the event store
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "redis-server") # --redis: several instances
set(CPACK_DEBIAN_SERVER_DESCRIPTION "Server-Sent Events and REST server for notify
 notify-server streams notifications, order updates, messages and presence
 to many thousands of clients over Server-Sent Events, with replay by
 Last-Event-ID, heartbeats, per-user stream limits and a REST API to publish
 and read. It speaks notify's protocol and the dialect of the Django backend
 it stands in for, and has a demo mode for trying the clients. Several
 instances can share one Redis (--redis) to serve the same users.")

set(CPACK_DEBIAN_CLI_PACKAGE_NAME notify-cli)
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION net)
set(CPACK_DEBIAN_CLI_DESCRIPTION "terminal client for notify's Server-Sent Events
 notify-cli prints a Server-Sent Events stream as JSON lines, reconnecting
 with Last-Event-ID, and publishes events, sends messages and marks
 notifications read through notify's REST API: for scripts and tests.")

include(CPack)
