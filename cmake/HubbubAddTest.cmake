# SPDX-FileCopyrightText: 2026 Hubbub contributors
# SPDX-License-Identifier: MIT
# hubbub_add_test(): the one way a test is added, so every area gets the same compile options,
# the same headless environment and a timeout, and a missing dependency fails configuration instead
# of silently dropping a test. A Qt Test names its TARGET; a test that is a script or another
# program (node, a shell script, a fuzzer driver) names its COMMAND instead.
#
#   hubbub_add_test(<ctest name>
#       TARGET <executable>          the test executable (created unless it exists already: a second
#                                    ctest over the same executable passes TARGET alone)
#       COMMAND <program> <args>...  instead of TARGET: the command line to run (generator
#                                    expressions allowed); only LABELS, TIMEOUT, ENVIRONMENT and
#                                    WORKING_DIRECTORY go with it
#       WORKING_DIRECTORY <dir>      where it runs (default: the build folder of the calling area)
#       SOURCES <files>...           its sources
#       LIBRARIES <targets>...       libraries it links (Qt6::Test and hubbub_compile_options always)
#       LABELS <labels>...           ctest labels (required)
#       TIMEOUT <seconds>            (required)
#       ENVIRONMENT <VAR=value>...   besides QT_QPA_PLATFORM=offscreen
#       EXECUTABLES <targets>...     programs the test launches (never links): built first, their
#                                    paths compiled in as HUBBUB_SERVICE_PATH, HUBBUB_CLI_PATH,
#                                    HUBBUB_APP_PATH; hubbub-service's also in $HUBBUB_SERVICE
#       DEFINITIONS <NAME=value>...  further compile definitions
#       INCLUDES <dirs>...           further include directories
#       ARGS <arguments>...          the test's command-line arguments)
function(hubbub_add_test name)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "TARGET;TIMEOUT;WORKING_DIRECTORY"
                          "SOURCES;LIBRARIES;LABELS;ENVIRONMENT;EXECUTABLES;DEFINITIONS;INCLUDES;ARGS;COMMAND")
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "hubbub_add_test(${name}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT arg_LABELS OR NOT arg_TIMEOUT)
        message(FATAL_ERROR "hubbub_add_test(${name}): LABELS and TIMEOUT are required")
    endif()
    if(arg_COMMAND)
        if(arg_TARGET OR arg_SOURCES OR arg_LIBRARIES OR arg_EXECUTABLES OR arg_DEFINITIONS OR arg_INCLUDES
           OR arg_ARGS)
            message(FATAL_ERROR "hubbub_add_test(${name}): COMMAND goes only with LABELS, TIMEOUT, "
                                "ENVIRONMENT and WORKING_DIRECTORY")
        endif()
    elseif(NOT arg_TARGET)
        message(FATAL_ERROR "hubbub_add_test(${name}): TARGET or COMMAND is required")
    endif()
    set(environment "QT_QPA_PLATFORM=offscreen" ${arg_ENVIRONMENT})
    if(NOT arg_WORKING_DIRECTORY)
        set(arg_WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
    endif()
    if(arg_COMMAND)
        add_test(NAME ${name} COMMAND ${arg_COMMAND} WORKING_DIRECTORY ${arg_WORKING_DIRECTORY})
        set_tests_properties(${name} PROPERTIES LABELS "${arg_LABELS}" TIMEOUT ${arg_TIMEOUT}
                                                ENVIRONMENT "${environment}")
        return()
    endif()
    if(arg_SOURCES)
        qt_add_executable(${arg_TARGET} ${arg_SOURCES})
        target_link_libraries(${arg_TARGET} PRIVATE ${arg_LIBRARIES} Qt6::Test hubbub_compile_options)
        target_compile_definitions(${arg_TARGET} PRIVATE ${arg_DEFINITIONS})
        target_include_directories(${arg_TARGET} PRIVATE ${arg_INCLUDES})
        foreach(program IN LISTS arg_EXECUTABLES)
            if(program STREQUAL "hubbub-service")
                target_compile_definitions(${arg_TARGET} PRIVATE HUBBUB_SERVICE_PATH="$<TARGET_FILE:hubbub-service>")
            elseif(program STREQUAL "hubbub-cli")
                target_compile_definitions(${arg_TARGET} PRIVATE HUBBUB_CLI_PATH="$<TARGET_FILE:hubbub-cli>")
            elseif(program STREQUAL "hubbub")
                target_compile_definitions(${arg_TARGET} PRIVATE HUBBUB_APP_PATH="$<TARGET_FILE:hubbub>")
            else()
                message(FATAL_ERROR "hubbub_add_test(${name}): no path macro for executable ${program}")
            endif()
            add_dependencies(${arg_TARGET} ${program})
        endforeach()
    elseif(NOT TARGET ${arg_TARGET})
        message(FATAL_ERROR "hubbub_add_test(${name}): ${arg_TARGET} has no SOURCES and does not exist")
    endif()
    if("hubbub-service" IN_LIST arg_EXECUTABLES)
        list(APPEND environment "HUBBUB_SERVICE=$<TARGET_FILE:hubbub-service>")
    endif()
    add_test(NAME ${name} COMMAND ${arg_TARGET} ${arg_ARGS} WORKING_DIRECTORY ${arg_WORKING_DIRECTORY})
    set_tests_properties(${name} PROPERTIES LABELS "${arg_LABELS}" TIMEOUT ${arg_TIMEOUT}
                                            ENVIRONMENT "${environment}")
endfunction()
