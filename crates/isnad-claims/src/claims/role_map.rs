//! A claim's role fillers by role: a short list kept in role order.
//!
//! A claim fills two or three roles; a `BTreeMap` node reserves room for eleven (about 700 bytes
//! per claim, the largest part of a story's analysis after the claims themselves, issue #17).
//! The methods are the map's, so code reading roles reads them as from a map.

use super::types::{Role, RoleFiller};
use serde::Serialize;
use serde::ser::SerializeMap;

/// Role fillers by role, in role order, each role at most once.
#[derive(Clone, Default, PartialEq)]
pub struct Roles(Vec<(Role, RoleFiller)>);

impl Roles {
    fn find(&self, role: Role) -> Result<usize, usize> {
        self.0.binary_search_by(|(r, _)| r.cmp(&role))
    }

    /// The filler of a role.
    pub fn get(&self, role: &Role) -> Option<&RoleFiller> {
        self.find(*role).ok().map(|i| &self.0[i].1)
    }

    /// True when the role is filled.
    pub fn contains_key(&self, role: &Role) -> bool {
        self.find(*role).is_ok()
    }

    /// Fills a role, returning its previous filler.
    pub fn insert(&mut self, role: Role, filler: RoleFiller) -> Option<RoleFiller> {
        match self.find(role) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, filler)),
            Err(i) => {
                self.0.insert(i, (role, filler));
                None
            }
        }
    }

    /// Empties a role, returning its filler.
    pub fn remove(&mut self, role: &Role) -> Option<RoleFiller> {
        self.find(*role).ok().map(|i| self.0.remove(i).1)
    }

    /// Roles and fillers in role order.
    pub fn iter(&self) -> impl Iterator<Item = (&Role, &RoleFiller)> {
        self.0.iter().map(|(r, f)| (r, f))
    }

    /// The filled roles in order.
    pub fn keys(&self) -> impl Iterator<Item = &Role> {
        self.0.iter().map(|(r, _)| r)
    }

    /// The fillers in role order.
    pub fn values(&self) -> impl Iterator<Item = &RoleFiller> {
        self.0.iter().map(|(_, f)| f)
    }

    /// The fillers in role order, to change.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut RoleFiller> {
        self.0.iter_mut().map(|(_, f)| f)
    }

    /// How many roles are filled.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when no role is filled.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<(Role, RoleFiller)> for Roles {
    fn from_iter<I: IntoIterator<Item = (Role, RoleFiller)>>(pairs: I) -> Roles {
        let mut roles = Roles::default();
        for (role, filler) in pairs {
            roles.insert(role, filler);
        }
        roles.0.shrink_to_fit();
        roles
    }
}

impl<'a> IntoIterator for &'a Roles {
    type Item = (&'a Role, &'a RoleFiller);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Role, RoleFiller)>,
        fn(&'a (Role, RoleFiller)) -> (&'a Role, &'a RoleFiller),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(r, f)| (r, f))
    }
}

impl std::ops::Index<&Role> for Roles {
    type Output = RoleFiller;

    fn index(&self, role: &Role) -> &RoleFiller {
        self.get(role).unwrap_or_else(|| panic!("no {role} role filled"))
    }
}

/// Printed as a map, as the `BTreeMap` it replaces was.
impl std::fmt::Debug for Roles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Serialized as a map from role name to filler, in role order, as before.
impl Serialize for Roles {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (role, filler) in &self.0 {
            map.serialize_entry(role, filler)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_parser::Span;

    fn filler(text: &str) -> RoleFiller {
        RoleFiller {
            entity: None,
            text: text.to_string(),
            span: Span {
                start: 0,
                end: text.len(),
            },
        }
    }

    #[test]
    fn roles_stay_in_role_order_whatever_order_they_are_filled_in() {
        let mut roles = Roles::default();
        assert!(roles.insert(Role::Theme, filler("t")).is_none());
        assert!(roles.insert(Role::Agent, filler("a")).is_none());
        assert!(roles.insert(Role::Place, filler("p")).is_none());
        assert_eq!(
            roles.keys().copied().collect::<Vec<_>>(),
            [Role::Agent, Role::Place, Role::Theme]
        );
        // A role filled again keeps one filler, the last.
        assert_eq!(
            roles.insert(Role::Agent, filler("b")).map(|f| f.text),
            Some("a".to_string())
        );
        assert_eq!(roles.len(), 3);
        assert_eq!(roles[&Role::Agent].text, "b");
        assert!(roles.contains_key(&Role::Place) && !roles.contains_key(&Role::Origin));
        assert_eq!(roles.remove(&Role::Place).map(|f| f.text), Some("p".to_string()));
        assert!(roles.get(&Role::Place).is_none());
    }

    #[test]
    fn roles_serialize_and_print_as_the_map_they_replace() {
        let pairs = [(Role::Theme, filler("t")), (Role::Agent, filler("a"))];
        let roles: Roles = pairs.iter().cloned().collect();
        let map: std::collections::BTreeMap<Role, RoleFiller> = pairs.into_iter().collect();
        assert_eq!(
            serde_json::to_string(&roles).unwrap(),
            serde_json::to_string(&map).unwrap()
        );
        assert_eq!(format!("{roles:?}"), format!("{map:?}"));
    }
}
