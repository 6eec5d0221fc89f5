# SPDX-FileCopyrightText: 2026 Hubbub contributors
# SPDX-License-Identifier: MIT
# The `hubbub` Debian package (`cpack -G DEB` in the build directory): the three programs, the
# WebPubSubQt6 runtime library they link, desktop entry, AppStream metadata, icons and the Debian
# documentation files. The library's development files (headers, CMake package, pkg-config) are
# left out: they are not needed to run anything. tests/package checks the result (lintian, the
# dependencies, the programs running from an unpacked copy).
include(GNUInstallDirs)

install(FILES packaging/io.hubbub.Hubbub.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES packaging/io.hubbub.Hubbub.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# Debian policy: every package has its copyright file and (a native package) its changelog,
# compressed with gzip -9n (no timestamp, so the package is reproducible).
set(hubbub_changelog_gz ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog.gz)
file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/packaging)
execute_process(COMMAND gzip -9nc ${CMAKE_CURRENT_SOURCE_DIR}/packaging/changelog
    OUTPUT_FILE ${hubbub_changelog_gz} RESULT_VARIABLE hubbub_gzip_result)
if(NOT hubbub_gzip_result EQUAL 0)
    message(FATAL_ERROR "gzip packaging/changelog failed: ${hubbub_gzip_result}")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/packaging/changelog)
install(FILES packaging/copyright ${hubbub_changelog_gz}
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/hubbub)

set(CPACK_PACKAGE_NAME hubbub)
set(CPACK_PACKAGE_CONTACT "Hubbub developers <dev@hubbub.invalid>")
set(CPACK_GENERATOR DEB)
# Everything but the library's -dev component (see client/CMakeLists.txt), in one package.
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_COMPONENTS_ALL Unspecified WebPubSubQt6)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://hubbub.invalid/")
# The extended description; CPack puts the synopsis (the project's DESCRIPTION) before it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Hubbub is a chat application that speaks the Azure Web PubSub client protocol,
with recovery of dropped connections, an offline outbox and delivery status.
It works with an Azure Web PubSub resource or with its own embedded local
service, which can be shared on the local network.
.
This package also contains hubbub-service, a local service compatible with
Azure Web PubSub, and hubbub-cli, the client behind a JSON-lines interface.")
# The shared libraries' packages come from dpkg-shlibdeps; the library this package ships gets a
# shlibs file and the ldconfig trigger (lintian's lacks-ldconfig-trigger; CPack's own postinst and
# postrm still call ldconfig as well, which lintian only warns about).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY "=")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${CMAKE_CURRENT_SOURCE_DIR}/packaging/triggers)
# What dpkg-shlibdeps cannot see because it is loaded at run time: the QML modules Hubbub.Ui
# imports (qml/*.qml: QtQuick, QtQuick.Controls.Fusion, QtQuick.Layouts, Qt.labs.platform and what
# they import), the SQLite driver of the history store, the platform plugins, and the colour-emoji
# font the message view renders emoji with.
set(hubbub_runtime_depends
    qml6-module-qtqml
    qml6-module-qtqml-workerscript
    qml6-module-qtqml-models
    qml6-module-qtquick
    qml6-module-qtquick-controls
    qml6-module-qtquick-layouts
    qml6-module-qtquick-templates
    qml6-module-qtquick-window
    qml6-module-qt-labs-platform
    qml6-module-qtquick-dialogs
    libqt6sql6-sqlite
    qt6-qpa-plugins
    fonts-noto-color-emoji)
list(JOIN hubbub_runtime_depends ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
# Qt's own strings (command line help, standard buttons) in the user's language (AppTranslator).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS qt6-translations-l10n)
include(CPack)
