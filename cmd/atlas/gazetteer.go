package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/briefing-atlas/atlas/data"
	"github.com/briefing-atlas/atlas/extract"
	"github.com/briefing-atlas/atlas/geo"
	"github.com/briefing-atlas/atlas/site/content"
	"github.com/briefing-atlas/atlas/site/sitedir"
	"github.com/spf13/cobra"
)

// defaultGazetteerDir is where a site keeps its own places.
const defaultGazetteerDir = "gazetteer"

func addGazetteerFlag(cmd *cobra.Command, dir *string) {
	cmd.Flags().StringVar(dir, "gazetteer", defaultGazetteerDir,
		"folder of the site's own GeoJSON places, merged over the bundled gazetteer (ignored when absent)")
}

// loadGazetteer loads the bundled gazetteer and, over it, the GeoJSON
// files in dir. A missing dir is fine when it is the default.
func loadGazetteer(dir string) (*geo.Gazetteer, error) {
	return loadGazetteerDefault(dir, defaultGazetteerDir)
}

// loadGazetteerDefault is loadGazetteer where the default folder is def
// (a site's gazetteer/ beside its atlas.toml), with extra layers (the
// files gazetteer.extra names) merged last.
func loadGazetteerDefault(dir, def string, extra ...fs.FS) (*geo.Gazetteer, error) {
	layers := []fs.FS{data.Gazetteer()}
	ok, err := siteDir("--gazetteer", dir, def)
	if err != nil {
		return nil, err
	}
	if ok {
		folder, err := sitedir.Open(dir, filepath.ToSlash(dir)+"/")
		if err != nil {
			return nil, fmt.Errorf("--gazetteer: %w", err)
		}
		defer folder.Close() // Load reads every file
		layers = append(layers, folder)
	}
	layers = append(layers, extra...)
	g, err := geo.Load(layers...)
	if err != nil && len(layers) > 1 {
		// A site's file is named as its user knows it, not by its name
		// in the layer's file system.
		var le *geo.LayerError
		if errors.As(err, &le) && le.Source > 0 {
			if x, ok := layers[le.Source].(extraLayer); ok {
				le.File = x.path
			} else {
				le.File = filepath.Join(dir, filepath.FromSlash(le.File))
			}
		}
		return nil, fmt.Errorf("the site's gazetteer: %w", err)
	}
	return g, err
}

// siteDir says whether a site's own folder dir, named by flag, is there
// to use. A missing dir is fine when it is the default (def), which most
// sites do not have; anything else wrong with it is an error.
func siteDir(flag, dir, def string) (bool, error) {
	if dir == "" {
		return false, nil
	}
	st, err := os.Stat(dir)
	switch {
	case err == nil && st.IsDir():
		return true, nil
	case err == nil:
		return false, fmt.Errorf("%s %s is not a folder", flag, dir)
	case errors.Is(err, fs.ErrNotExist) && dir == def:
		return false, nil
	default:
		return false, fmt.Errorf("%s: %w", flag, err)
	}
}

// loadExtractor loads the gazetteer as loadGazetteer does and builds the
// extractor over it with the bundled common-word list.
func loadExtractor(dir string) (*geo.Gazetteer, *extract.Extractor, error) {
	return loadExtractorDefault(dir, defaultGazetteerDir)
}

// loadExtractorDefault is loadExtractor over loadGazetteerDefault.
func loadExtractorDefault(dir, def string, extra ...fs.FS) (*geo.Gazetteer, *extract.Extractor, error) {
	g, err := loadGazetteerDefault(dir, def, extra...)
	if err != nil {
		return nil, nil, err
	}
	words, err := extract.ReadWordList(data.CommonWords())
	if err != nil {
		return nil, nil, err
	}
	return g, extract.New(g, extract.WithCommonWords(words)), nil
}

// readBriefing reads one briefing file the way a build reads it.
func readBriefing(file string) (*content.Article, error) {
	dir, name := filepath.Split(file)
	if dir == "" {
		dir = "."
	}
	return readNamed(os.DirFS(dir), name, filepath.ToSlash(file))
}

// readNamed reads the briefing name in fsys and names it shown, in the
// article and in its errors: as the user named it.
func readNamed(fsys fs.FS, name, shown string) (*content.Article, error) {
	a, err := content.Read(fsys, name, content.Options{})
	if err != nil {
		var ce *content.Error
		if errors.As(err, &ce) {
			ce.Path = shown
		}
		return nil, err
	}
	a.Path = shown
	return a, nil
}
